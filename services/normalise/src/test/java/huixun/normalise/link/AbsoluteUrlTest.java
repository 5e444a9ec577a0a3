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
    void readsThePagesBaseElement() {
        Document page = Jsoup.parse("<base href=\"https://example.com/news/\"><img src=\"a.jpg\">");
        assertEquals("https://example.com/news/a.jpg", AbsoluteUrl.of(page.selectFirst("img"), "src"));
    }
}
