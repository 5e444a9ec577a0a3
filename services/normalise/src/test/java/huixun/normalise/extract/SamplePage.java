package huixun.normalise.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the sample site, read from the repository's {@code samples/site} (one copy of the fixtures for the local
 * stack and the tests; surefire runs with the module directory as working directory) with its expectations from
 * {@code index.tsv} and {@code boilerplate.tsv}.
 */
public record SamplePage(String path, String charset, String headline, String title, String firstSentence,
                         String lastSentence, List<String> boilerplate) {
    public static final Path SITE = Path.of("../../samples/site");

    public static List<SamplePage> all() {
        List<String[]> chrome = rows("boilerplate.tsv", 2);
        List<SamplePage> pages = new ArrayList<>();
        for (String[] row : rows("index.tsv", 6)) {
            List<String> strings = chrome.stream().filter(c -> c[0].equals(row[0])).map(c -> c[1]).toList();
            pages.add(new SamplePage(row[0], row[1], row[2], row[3], row[4], row[5], strings));
        }
        return pages;
    }

    public static SamplePage named(String pathPrefix) {
        return all().stream().filter(page -> page.path().startsWith(pathPrefix)).findFirst().orElseThrow();
    }

    /** The page decoded as a client honouring its Content-Type would; malformed bytes fail the test. */
    public String html() {
        try {
            byte[] bytes = Files.readAllBytes(SITE.resolve(path));
            return decoder().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(path + " is not valid " + charset, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the local stack serves it. */
    public String url() {
        return "http://127.0.0.1:8090/" + path;
    }

    @Override
    public String toString() {
        return path;
    }

    /** Big5 is read as Big5-HKSCS, as fetch does: the pinyin letters with tone marks exist only in HKSCS. */
    private Charset decoder() {
        return switch (charset) {
            case "Big5" -> Charset.forName("Big5-HKSCS");
            case "GBK" -> Charset.forName("GBK");
            case "UTF-8" -> StandardCharsets.UTF_8;
            default -> throw new IllegalStateException(path + ": unexpected charset " + charset);
        };
    }

    private static List<String[]> rows(String file, int columns) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(SITE.resolve(file), StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException(file + ": expected " + columns + " columns: " + line);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
