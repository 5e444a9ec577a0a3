package huixun.classify.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a corpus file: gzip'd JSON Lines, one {@code {"id", "label", "text"}} object per line. */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!node.hasNonNull("label") || !node.hasNonNull("text")) {
                    throw new IOException(file + ":" + lineNumber + ": expected label and text");
                }
                examples.add(new LabelledText(node.path("id").asText(""), node.get("label").asText(),
                        node.get("text").asText()));
            }
        }
        return examples;
    }
}
