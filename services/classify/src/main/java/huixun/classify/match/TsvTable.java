package huixun.classify.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a tab-separated data file from the classpath; {@code #} lines are comments (source and licence). */
public final class TsvTable {
    private TsvTable() {
    }

    /** The rows of {@code resource}; fails when a row has fewer than {@code minColumns} columns. */
    public static List<String[]> read(String resource, int minColumns) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("data file missing from the classpath: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < minColumns) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected " + minColumns
                            + " tab-separated columns, found " + Arrays.toString(columns));
                }
                rows.add(columns);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }

    /** Splits a comma-separated column; an empty column gives no terms. */
    public static List<String> terms(String column) {
        return Arrays.stream(column.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
