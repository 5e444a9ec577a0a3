package huixun.fetch.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the item links of a feed or sitemap with the libraries made for them: Rome for RSS 0.9x, 1.0 (RDF), 2.0 and
 * Atom; Jackson for JSON Feed 1.0/1.1; crawler-commons' {@link SiteMapParser} for XML, text and gzipped sitemaps,
 * Google News sitemaps included. The format is told by the content, not the media type, which servers often get
 * wrong: JSON starts with a brace, a sitemap's root element is {@code urlset} or {@code sitemapindex}, a gzip body
 * starts with its magic bytes, any other XML goes to Rome, and a plain list of URLs is a text sitemap.
 *
 * <p>A sitemap index lists sitemaps, not articles: it is refused ({@link FeedFormatException}); subscribe to the
 * sitemaps it names. Rome and crawler-commons refuse DOCTYPE declarations by default, so no XML entity is ever
 * expanded or fetched.
 */
public final class FeedParser {
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
    private static final Pattern COMMENT_OR_DECLARATION = Pattern.compile("<\\?.*?\\?>|<!--.*?-->", Pattern.DOTALL);
    /** Enough of the document's start to hold an XML declaration, comments and the root element's name. */
    private static final int SNIFF_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fetch size cap's default: an inflated sitemap may be as large as a page. */
    private static final int MAX_INFLATED_BYTES = 10 * 1024 * 1024;

    private FeedParser() {
    }

    /**
     * @param body     the response body (a gzip body is inflated here, up to 10 MB)
     * @param finalUrl the URL the body came from: relative links resolve against it
     * @throws FeedFormatException when the body is no feed or sitemap this parser reads
     */
    public static ParsedFeed parse(byte[] body, String finalUrl) throws FeedFormatException {
        return parseInflated(isGzip(body) ? gunzip(body) : body, finalUrl);
    }

    private static ParsedFeed parseInflated(byte[] body, String finalUrl) throws FeedFormatException {
        if (isGzip(body)) {
            throw new FeedFormatException("gzip inside gzip", null);
        }
        String start = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.UTF_8).strip();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).strip();
        }
        if (start.startsWith("{")) {
            return jsonFeed(body, finalUrl);
        }
        if (!start.startsWith("<")) {
            return sitemap(body, finalUrl, "text/plain");
        }
        String root = rootElement(start);
        if (root.equals("urlset") || root.equals("sitemapindex")) {
            return sitemap(body, finalUrl, "text/xml");
        }
        return syndication(body, finalUrl);
    }

    private static String rootElement(String start) {
        Matcher element = ROOT_ELEMENT.matcher(COMMENT_OR_DECLARATION.matcher(start).replaceAll(""));
        return element.find() ? element.group(2).toLowerCase(Locale.ROOT) : "";
    }

    private static ParsedFeed syndication(byte[] body, String finalUrl) throws FeedFormatException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedFormatException("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<String> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            // RSS items carry <link>; an Atom entry without a usable link may still have an http(s) id.
            String link = entry.getLink() != null ? entry.getLink() : entry.getUri();
            addResolved(links, finalUrl, link);
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), links);
    }

    /** JSON Feed (https://www.jsonfeed.org/version/1.1/): {@code title}, {@code items[].url}. */
    private static ParsedFeed jsonFeed(byte[] body, String finalUrl) throws FeedFormatException {
        JsonNode feed;
        try {
            feed = JSON.readTree(body);
        } catch (IOException e) {
            throw new FeedFormatException("not JSON: " + e.getMessage(), e);
        }
        if (!feed.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
            throw new FeedFormatException("JSON without a JSON Feed \"version\"", null);
        }
        List<String> links = new ArrayList<>();
        for (JsonNode item : feed.path("items")) {
            addResolved(links, finalUrl, item.path("url").asText(null));
        }
        return new ParsedFeed(blankToNull(feed.path("title").asText(null)), links);
    }

    private static ParsedFeed sitemap(byte[] body, String finalUrl, String contentType) throws FeedFormatException {
        // Not strict: a news sitemap may list articles outside its own directory; the guard checks every URL anyway.
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtensions();
        AbstractSiteMap parsed;
        try {
            parsed = parser.parseSiteMap(contentType, body, URI.create(finalUrl).toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FeedFormatException("not a sitemap: " + e.getMessage(), e);
        }
        if (parsed.isIndex()) {
            throw new FeedFormatException("a sitemap index lists sitemaps, not articles: subscribe to its sitemaps",
                    null);
        }
        List<String> links = new ArrayList<>();
        for (SiteMapURL url : ((SiteMap) parsed).getSiteMapUrls()) {
            links.add(url.getUrl().toString());
        }
        return new ParsedFeed(null, links);
    }

    private static boolean isGzip(byte[] body) {
        return body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /**
     * A gzipped sitemap ({@code sitemap.xml.gz}) is inflated here, so that what is inside is sniffed like any body;
     * at most {@link #MAX_INFLATED_BYTES}, so a small compressed bomb cannot fill the memory.
     */
    private static byte[] gunzip(byte[] body) throws FeedFormatException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(MAX_INFLATED_BYTES + 1);
            if (inflated.length > MAX_INFLATED_BYTES) {
                throw new FeedFormatException("more than " + MAX_INFLATED_BYTES + " bytes once inflated", null);
            }
            return inflated;
        } catch (IOException e) {
            throw new FeedFormatException("broken gzip: " + e.getMessage(), e);
        }
    }

    private static void addResolved(List<String> links, String base, String link) {
        if (link == null || link.isBlank()) {
            return;
        }
        try {
            links.add(new URI(base).resolve(link.strip()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // An unparseable link is kept as written: the submission API refuses it with a reason.
            links.add(link.strip());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The body is no feed or sitemap that {@link FeedParser} reads. */
    public static final class FeedFormatException extends Exception {
        FeedFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
