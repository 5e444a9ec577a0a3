package huixun.fetch.submission;

import huixun.fetch.url.InvalidUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlCanonicaliserTest {

    private static String canonical(String url) {
        return UrlCanonicaliser.canonicalise(url).toString();
    }

    @Test
    void schemeAndHostAreLowerCasedButPathKeepsItsCase() {
        assertEquals("https://news.example.cn/News/A.html", canonical("HTTPS://News.Example.CN/News/A.html"));
    }

    @Test
    void defaultPortsAreDroppedOthersKept() {
        assertEquals("http://example.com/", canonical("http://example.com:80/"));
        assertEquals("https://example.com/a", canonical("https://example.com:443/a"));
        assertEquals("https://example.com:80/a", canonical("https://example.com:80/a"));
        assertEquals("http://example.com:8080/a", canonical("http://example.com:8080/a"));
    }

    @Test
    void fragmentIsDroppedAndEmptyPathBecomesSlash() {
        assertEquals("http://example.com/", canonical("http://example.com"));
        assertEquals("http://example.com/a?b=1", canonical("http://example.com/a?b=1#comments"));
        assertEquals("http://example.com/", canonical("http://example.com#top"));
    }

    @Test
    void internationalisedHostBecomesPunycodeAndPathIsPercentEncoded() {
        assertEquals("https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?q=%E6%96%B0%E9%97%BB",
                canonical("https://例子.测试/路径?q=新闻"));
        // IDNA treats the ideographic full stop as a dot, as browsers do.
        assertEquals("https://xn--fsqu00a.xn--0zwm56d/", canonical("https://例子。测试"));
    }

    @Test
    void trackingParametersAreDroppedAndTheOthersKeepTheirOrder() {
        assertEquals("https://news.example.cn/a.html?id=3&page=2&b=1",
                canonical("https://news.example.cn/a.html?utm_source=wx&id=3&spm=a2c4g.1&page=2&from=timeline"
                        + "&UTM_Medium=x&b=1"));
    }

    @Test
    void queryOfOnlyTrackingParametersDisappears() {
        assertEquals("https://example.com/a", canonical("https://example.com/a?utm_source=x&from=weibo&spm="));
        assertEquals("https://example.com/a", canonical("https://example.com/a?"));
    }

    @Test
    void parametersThatMerelyStartLikeTrackingOnesStay() {
        assertEquals("https://example.com/a?fromage=1&spmx=2&utm=3",
                canonical("https://example.com/a?fromage=1&spmx=2&utm=3"));
    }

    @Test
    void trailingDotOfTheHostIsDropped() {
        assertEquals("http://example.com/", canonical("http://example.com./"));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals("http://example.com/a", canonical("  http://example.com/a \n"));
    }

    @Test
    void numericIpv4SpellingsBecomeDottedQuads() {
        assertEquals("http://127.0.0.1/", canonical("http://2130706433/"));
        assertEquals("http://127.0.0.1/", canonical("http://0x7f.1/"));
        assertEquals("http://127.0.0.1/", canonical("http://017700000001/"));
        assertEquals("http://[::1]:8080/", canonical("http://[::1]:8080/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a", "/news/1.html", "example.com/news", "mailto:a@example.com",
        "http://", "http:///path", "https://user:secret@example.com/", "http://exa mple.com/",
        "http://example.com:99999/", "http://example.com:0/", "http://999.1.1.1/", "http://1.2.3.4.5/",
        "http://[::1/", "http://[zz::1]/", "http://a..b/", "http://ex%41mple.com/", "javascript:alert(1)", "", "  "})
    void unusableUrlsAreRejectedWithAReason(String url) {
        InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> UrlCanonicaliser.canonicalise(url));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void urlsLongerThan2048CharactersAreRejected() {
        String prefix = "https://example.com/";
        String fits = prefix + "a".repeat(2048 - prefix.length());
        assertEquals(fits, canonical(fits));
        InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> canonical(fits + "a"));
        assertTrue(e.getMessage().contains("2049 characters"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(InvalidUrlException.class, () -> UrlCanonicaliser.canonicalise(null));
    }
}
