package huixun.normalise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.normalise.extract.SamplePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {
    @TempDir
    Path work;

    @Test
    void writesTheSanitisedHtmlOnlyWhenAsked() throws Exception {
        SamplePage sample = SamplePage.all().get(0);
        Path pages = Files.createDirectories(work.resolve("pages"));
        Files.copy(SamplePage.SITE.resolve(sample.path()), pages.resolve("page.html"));

        JsonNode plain = run("--out", work.resolve("plain.jsonl").toString(), pages.toString());
        JsonNode withHtml = run("--html", "--out", work.resolve("html.jsonl").toString(), pages.toString());

        assertFalse(plain.has("html"));
        assertTrue(withHtml.get("html").asText().startsWith("<"), withHtml.toString());
        assertEquals(plain.get("text"), withHtml.get("text"));
    }

    private JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExtractCommand.Options options = ExtractCommand.Options.parse(args);
        assertEquals(0, ExtractCommand.run(options, new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new ObjectMapper().readTree(Files.readString(options.out()).strip());
    }
}
