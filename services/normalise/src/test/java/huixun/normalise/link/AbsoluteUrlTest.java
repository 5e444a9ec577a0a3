package huixun.normalise.link;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AbsoluteUrlTest {
    private static final List<String> VALUES = List.of("data:image/gif;base64,R0lGODlhAQABAAAAACw=", "DATA:x",
            "javascript:void(0)", "JavaScript:alert(1)", "mailto:editor@example.com", "tel:+8610", "/img/a.jpg",
            "img/a.jpg", "../a.jpg", "//cdn.example.com/a.jpg", "https://example.com/a.jpg", "HTTP://EXAMPLE.COM/a",
            "https:a.jpg", "http:/a.jpg", "url:https://example.com/a", "url:data:x", " https://example.com/a",
            " data:x", "ht\ttp://example.com/a", "java\nscript:alert(1)", "", "jar:http://example.com/a!/b",
            "ftp://example.com/a", "file:///etc/passwd", "?q=1", "#top", "a:b:c", "1ab:x", "x-y.z+w:v", "a b:c",
            "https://", "http://:80/a", "ws://example.com/", "blob:https://example.com/1");
    private static final List<String> BASES = List.of("", "https://www.example.com/news/2021/a.html",
            "http://127.0.0.1:8090/site/", "data:text/html,x");

    @Test
    void givesWhatAbsUrlGivesOrNothingWhereThatIsNoHttpAddress() {
        for (String base : BASES) {
            for (String value : VALUES) {
                Element img = new Document(base).appendElement("img").attr("src", value);
                String expected = img.absUrl("src");
                String found = AbsoluteUrl.of(img, "src");
                if (found.isEmpty()) {
                    assertFalse(expected.startsWith("http://") || expected.startsWith("https://"),
                            () -> value + " against " + base + ": absUrl gives " + expected);
                } else {
                    assertEquals(expected, found, value + " against " + base);
                }
            }
        }
    }

    @Test
    void givesExactlyWhatAbsUrlGivesForAnHttpValueOnAPageWithoutBase() {
        List<String> values = List.of("https://example.com/a.jpg", "HTTP://EXAMPLE.COM:80/a/../b?x=1&y=%20#f",
                "Https://例子.测试/路径 空格", "http:/a.jpg", "https:a.jpg", "http://", "https://", "http://:80/a",
                "http://[::1]:8080/", "http://[::1", "http://user:pw@host.example:99999/", "http://host:port/",
                "http://a b/", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF", "http://example.com/a\\b",
                "http://example.com/\u00e9", "http:", "https:", "hTtP://x.example", "http:///a", "http://?q",
                "http://#f", "http\u017f://x.example", "https://x.example/\tb", "http://x.example:/", "http://x..y/");
        for (String value : values) {
            Element img = new Document("").appendElement("img").attr("src", value);
            assertEquals(img.absUrl("src"), AbsoluteUrl.of(img, "src"), value);
        }
    }

    @Test
    void readsThePagesBaseElement() {
        Document page = Jsoup.parse("<base href=\"https://example.com/news/\"><img src=\"a.jpg\">");
        assertEquals("https://example.com/news/a.jpg", AbsoluteUrl.of(page.selectFirst("img"), "src"));
    }
}
