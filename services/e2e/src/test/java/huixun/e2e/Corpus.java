package huixun.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the bad-input corpus: tab-separated tables (with {@code #} comment lines) and case files. */
final class Corpus {
    private Corpus() {
    }

    /** The rows of a table, each checked to have {@code columns} cells. */
    static List<String[]> table(String resource, int columns) {
        String text = new String(bytes(resource), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t", -1);
            if (row.length != columns) {
                throw new IllegalStateException(resource + ": " + columns + " columns expected: " + line);
            }
            rows.add(row);
        }
        return rows;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
