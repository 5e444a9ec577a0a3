package huixun.publish.hexo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The seed posts rebuilt from their own content: front matter compared field by field, then the whole text byte for
 * byte. The content is read from the seeds rather than extracted from their pages (publish has no extractor), so this
 * checks the format (quoting, date form, image choice, framing of the body), not normalise.
 */
class HexoPostTest {
    @ParameterizedTest
    @ValueSource(strings = {"seeds/000_c3cd13eae5a5524c.txt", "seeds/001_947a9ff57bb6d87f.txt"})
    void seedPostsAreRebuiltExactly(String seed) throws IOException {
        String expected = read(seed);
        Map<String, Object> fields = frontMatter(expected);
        String body = expected.substring(expected.indexOf("<div>   \n") + "<div>   \n".length(),
                expected.lastIndexOf("\n  \n</div>"));
        String title = ((String) fields.get("title")).replace("''", "'");
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) fields.get("categories");

        String image = HexoPost.firstImage(body);
        Instant date = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse((String) fields.get("date")));
        HexoPost post = new HexoPost(title.substring(1, title.length() - 1), categories, image,
                (String) fields.get("author"), date, body);
        String written = post.write();

        Map<String, Object> rebuilt = frontMatter(written);
        assertEquals(fields.keySet(), rebuilt.keySet());
        for (String key : fields.keySet()) {
            assertEquals(fields.get(key), rebuilt.get(key), key);
        }
        assertEquals(expected.replaceAll("\\s+", " "), written.replaceAll("\\s+", " "));
        assertEquals(expected, written);
    }

    @Test
    void quotesInTitlesAreDoubledAndLineBreaksFlattened() {
        String written = new HexoPost("It's \"new\"\nnews", List.of("www.example.cn"), null, "www.example.cn",
                Instant.parse("2021-08-02T09:05:01Z"), "<p>x</p>").write();
        assertEquals("title: 'It''s \"new\" news'", written.lines().filter(l -> l.startsWith("title:"))
                .findFirst().orElseThrow());
        assertEquals("date: Mon, 02 Aug 2021 09:05:01 GMT", written.lines().filter(l -> l.startsWith("date:"))
                .findFirst().orElseThrow());
        assertEquals("headimg: ''", written.lines().filter(l -> l.startsWith("headimg:")).findFirst().orElseThrow());
    }

    @Test
    void aCategoryYamlWouldMisreadIsQuoted() {
        String written = new HexoPost("t", List.of("a: b", "-x", "普通"), null, "作者", Instant.EPOCH, "").write();
        assertEquals(List.of(" - 'a: b'", " - '-x'", " - 普通"), written.lines().filter(l -> l.startsWith(" - "))
                .toList());
    }

    @Test
    void markupInTitleCategoryAndAuthorArrivesAsText() {
        String written = new HexoPost("<script>alert(1)</script> & co", List.of("<b>组</b>"), null, "<i>作者</i>",
                Instant.EPOCH, "").write();
        assertEquals(List.of("title: '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'", " - '&lt;b&gt;组&lt;/b&gt;'",
                "author: '&lt;i&gt;作者&lt;/i&gt;'"), written.lines().filter(l -> l.startsWith("title:")
                || l.startsWith(" - ") || l.startsWith("author:")).toList());
    }

    /** The seeds' front matter: scalars as written (quotes kept), categories as a list. */
    private static Map<String, Object> frontMatter(String post) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> lines = post.lines().toList();
        assertEquals("", lines.get(0));
        assertEquals("---", lines.get(1));
        String listKey = null;
        for (String line : lines.subList(2, lines.size())) {
            if (line.equals("---")) {
                break;
            }
            if (line.startsWith(" - ") && listKey != null) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) fields.get(listKey);
                list.add(line.substring(3));
                continue;
            }
            int colon = line.indexOf(": ");
            String key = colon < 0 ? line.substring(0, line.length() - 1) : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 2);
            if (value.isEmpty()) {
                fields.put(key, new ArrayList<String>());
                listKey = key;
            } else {
                fields.put(key, value);
                listKey = null;
            }
        }
        return fields;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
