package huixun.fetch.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebUrlTest {
    private final WebUrl base = WebUrl.parse("https://news.example.cn/2021/08/story.html?id=1");

    @ParameterizedTest
    @CsvSource({
        "other.html,                   https://news.example.cn/2021/08/other.html",
        "/top,                         https://news.example.cn/top",
        "../index.html,                https://news.example.cn/2021/index.html",
        "?id=2,                        https://news.example.cn/2021/08/story.html?id=2",
        "//cdn.example.cn/a,           https://cdn.example.cn/a",
        "http://Other.example.com:80/, http://other.example.com/",
        "/a b/新闻#frag,                https://news.example.cn/a%20b/%E6%96%B0%E9%97%BB",
        "/100%,                        https://news.example.cn/100%25"})
    void locationResolvesAgainstTheCurrentUrl(String location, String expected) {
        assertEquals(expected, base.resolve(location).toString());
    }

    @Test
    void redirectToAnotherSchemeIsInvalid() {
        assertThrows(InvalidUrlException.class, () -> base.resolve("ftp://example.com/file"));
        assertThrows(InvalidUrlException.class, () -> base.resolve("file:///etc/passwd"));
        assertThrows(InvalidUrlException.class, () -> base.resolve(" "));
    }

    @Test
    void portAndRequestTargetAreExplicit() {
        WebUrl url = WebUrl.parse("http://example.com/a?b=1");
        assertEquals(80, url.port());
        assertEquals("/a?b=1", url.requestTarget());
        assertEquals(443, WebUrl.parse("https://example.com").port());
    }

    @ParameterizedTest
    @CsvSource({
        "2130706433,    127.0.0.1",
        "0x7f.1,        127.0.0.1",
        "0X7F.0.0.1,    127.0.0.1",
        "017700000001,  127.0.0.1",
        "0177.0.0.1,    127.0.0.1",
        "127.1,         127.0.0.1",
        "0x7f000001,    127.0.0.1",
        "10.1,          10.0.0.1",
        "0xa9fea9fe,    169.254.169.254",
        "1572395042,    93.184.216.34",
        "127.0.0.1.,    127.0.0.1"})
    void ipv4SpellingsAreReadAsBrowsersReadThem(String host, String dottedQuad) {
        assertEquals(dottedQuad, WebUrl.parse("http://" + host + "/").host());
    }

    @Test
    void hostsEndingInAnInvalidNumberAreRejected() {
        assertThrows(InvalidUrlException.class, () -> WebUrl.parse("http://256.0.0.1/"));
        assertThrows(InvalidUrlException.class, () -> WebUrl.parse("http://4294967296/"));
        assertThrows(InvalidUrlException.class, () -> WebUrl.parse("http://08.0.0.1/"));
        assertThrows(InvalidUrlException.class, () -> WebUrl.parse("http://example.123/"));
    }
}
