package huixun.fetch.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format the poller reads, told apart by content, with its title and item links. */
class FeedParserTest {
    private static final String BASE = "https://news.example.cn/feeds/latest";

    private static ParsedFeed parse(String body) throws FeedParser.FeedFormatException {
        return FeedParser.parse(body.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void rss091() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="0.91"><channel><title>新浪财经－国內</title><link>https://news.example.cn/</link>
                <description>d</description><language>zh-cn</language>
                <item><title>一</title><link>https://news.example.cn/a/1.html</link></item>
                <item><title>二</title><link>https://news.example.cn/a/2.html</link></item>
                </channel></rss>""");

        assertEquals("新浪财经－国內", feed.title());
        assertEquals(List.of("https://news.example.cn/a/1.html", "https://news.example.cn/a/2.html"),
                feed.itemUrls());
    }

    @Test
    void rss10Rdf() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://news.example.cn/rss"><title>RDF news</title>
                    <link>https://news.example.cn/</link><description>d</description>
                    <items><rdf:Seq><rdf:li resource="https://news.example.cn/r/1"/></rdf:Seq></items>
                  </channel>
                  <item rdf:about="https://news.example.cn/r/1"><title>One</title>
                    <link>https://news.example.cn/r/1</link></item>
                </rdf:RDF>""");

        assertEquals("RDF news", feed.title());
        assertEquals(List.of("https://news.example.cn/r/1"), feed.itemUrls());
    }

    @Test
    void rss20WithRelativeLinkResolvedAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a comment before the root -->
                <rss version="2.0"><channel><title>Latest</title><link>https://news.example.cn/</link>
                <description>d</description>
                <item><title>A</title><link>/a/3.html</link><guid>x</guid></item>
                <item><title>No link</title><description>skipped</description></item>
                </channel></rss>""");

        assertEquals(List.of("https://news.example.cn/a/3.html"), feed.itemUrls());
    }

    @Test
    void atom() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id>
                <updated>2026-11-26T10:00:00Z</updated>
                <entry><title>One</title><id>urn:1</id><updated>2026-11-26T10:00:00Z</updated>
                  <link rel="alternate" href="https://news.example.cn/atom/1"/></entry>
                </feed>""");

        assertEquals("Atom news", feed.title());
        assertEquals(List.of("https://news.example.cn/atom/1"), feed.itemUrls());
    }

    @Test
    void jsonFeed11() throws Exception {
        ParsedFeed feed = parse("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
                 "items": [{"id": "1", "url": "https://news.example.cn/j/1"}, {"id": "2"},
                           {"id": "3", "url": "j/3"}]}""");

        assertEquals("JSON news", feed.title());
        assertEquals(List.of("https://news.example.cn/j/1", "https://news.example.cn/feeds/j/3"), feed.itemUrls());
    }

    @Test
    void jsonWithoutJsonFeedVersionIsRefused() {
        assertThrows(FeedParser.FeedFormatException.class, () -> parse("{\"items\": []}"));
    }

    @Test
    void sitemap() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://news.example.cn/s/1</loc></url>
                  <url><loc>https://news.example.cn/s/2</loc><lastmod>2026-11-26</lastmod></url>
                </urlset>""");

        assertEquals(null, feed.title());
        assertEquals(List.of("https://news.example.cn/s/1", "https://news.example.cn/s/2"), feed.itemUrls());
    }

    @Test
    void newsSitemap() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://news.example.cn/n/1</loc>
                    <news:news><news:publication><news:name>Example</news:name><news:language>zh</news:language>
                    </news:publication><news:publication_date>2026-11-26</news:publication_date>
                    <news:title>标题</news:title></news:news></url>
                </urlset>""");

        assertEquals(List.of("https://news.example.cn/n/1"), feed.itemUrls());
    }

    @Test
    void gzippedSitemap() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("""
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                    <url><loc>https://news.example.cn/g/1</loc></url></urlset>""".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(List.of("https://news.example.cn/g/1"), FeedParser.parse(bytes.toByteArray(), BASE).itemUrls());
    }

    @Test
    void textSitemap() throws Exception {
        assertEquals(List.of("https://news.example.cn/t/1", "https://news.example.cn/t/2"),
                parse("https://news.example.cn/t/1\nhttps://news.example.cn/t/2\n").itemUrls());
    }

    @Test
    void sitemapIndexIsRefusedWithAReason() {
        FeedParser.FeedFormatException refused = assertThrows(FeedParser.FeedFormatException.class, () -> parse("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://news.example.cn/sitemap-1.xml</loc></sitemap></sitemapindex>"""));

        assertTrue(refused.getMessage().contains("sitemap index"), refused.getMessage());
    }

    @Test
    void doctypeIsRefusedSoNoEntityIsExpanded() {
        assertThrows(FeedParser.FeedFormatException.class, () -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><link>https://x/</link><description>d</description>
                <item><link>https://news.example.cn/x</link></item></channel></rss>"""));
    }

    @Test
    void htmlIsNoFeed() {
        assertThrows(FeedParser.FeedFormatException.class,
                () -> parse("<!doctype html><html><body>not a feed</body></html>"));
    }

    @Test
    void bombIsCutOff() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 11; i++) {
                gzip.write(zeros);
            }
        }

        assertThrows(FeedParser.FeedFormatException.class, () -> FeedParser.parse(bytes.toByteArray(), BASE));
    }
}
