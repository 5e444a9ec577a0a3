package huixun.pipeline.charset;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of {@code src/test/resources/charset/corpus.tsv} (GB2312, GBK, GB18030, Big5, Big5-HKSCS, Shift_JIS,
 * EUC-KR, windows-1250/1251/1252/1253/1254/1256, UTF-8 with BOM, and headers that lie) decodes to its expected
 * charset and text, with zero U+FFFD.
 */
class CharsetCorpusTest {

    @Test
    void everyPageDecodesWithoutReplacementCharacters() throws IOException {
        List<String[]> rows;
        try (InputStream in = resource("corpus.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            rows = reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")).toList();
        }
        assertTrue(rows.size() >= 10, "the corpus has at least 10 pages: " + rows.size());
        assertAll(rows.stream().map(row -> () -> {
            byte[] body;
            try (InputStream page = resource(row[0])) {
                body = page.readAllBytes();
            }
            DecodedPage decoded = CharsetDetector.decode(row[1].equals("-") ? null : row[1], body);
            assertEquals(row[2], decoded.charset().name(), row[0]);
            assertFalse(decoded.html().contains("\uFFFD"), row[0] + " has U+FFFD: " + decoded.html());
            assertTrue(decoded.html().contains(row[3]), row[0] + ": " + decoded.html());
            assertTrue(decoded.html().startsWith("<!DOCTYPE"), row[0] + " kept its BOM");
        }));
    }

    private static InputStream resource(String name) {
        InputStream in = CharsetCorpusTest.class.getClassLoader().getResourceAsStream("charset/" + name);
        assertNotNull(in, name);
        return in;
    }
}
