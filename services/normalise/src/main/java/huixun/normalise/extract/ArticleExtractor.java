package huixun.normalise.extract;

import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.metadata.MetadataReader;
import huixun.normalise.metadata.PageMetadata;
import huixun.normalise.text.TextWeight;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Extracts the article from a decoded page: reads the metadata from the whole page, removes the chrome the rules
 * name, picks the container with the most paragraph text ({@link ContentLocator}), and outputs its paragraphs as
 * plain text and as sanitised HTML. Plain Java on jsoup, thread-safe, used by the stage and by tests alike.
 */
public class ArticleExtractor {
    private final MetadataReader metadata;
    private final ChromeRemover chrome;
    private final ContentLocator locator = new ContentLocator();
    private final BlockCollector collector;
    private final int maxBodyChars;
    private final int minTextChars;

    /**
     * @param maxBodyChars characters of a page parsed at most; the rest is ignored
     * @param minTextChars letters the body needs; fewer make the page {@link Extraction.NoArticle}
     */
    public ArticleExtractor(BoilerplateRules rules, int maxBodyChars, int minTextChars) {
        this.metadata = new MetadataReader(rules.metadata());
        this.chrome = new ChromeRemover(rules.removals());
        this.collector = new BlockCollector(rules);
        this.maxBodyChars = maxBodyChars;
        this.minTextChars = minTextChars;
    }

    /**
     * @param html    the decoded page
     * @param baseUrl the address the page was fetched from (after redirects): relative links and images resolve
     *                against it; without one they are dropped
     */
    public Extraction extract(String html, String baseUrl) {
        Document page = Jsoup.parse(truncate(html == null ? "" : html), baseUrl == null ? "" : baseUrl);
        PageMetadata meta = metadata.read(page);
        chrome.strip(page);
        List<Element> containers = locator.locate(page.body());
        if (containers.isEmpty()) {
            return new Extraction.NoArticle("no paragraph of text on the page");
        }
        List<Block> blocks = collector.collect(containers);
        String text = blocks.stream().filter(block -> !block.isImage()).map(Block::text)
                .collect(Collectors.joining("\n\n"));
        int letters = TextWeight.letters(text);
        if (letters < minTextChars) {
            return new Extraction.NoArticle("the extracted body has " + letters + " letters, fewer than "
                    + minTextChars);
        }
        return new Extraction.Article(meta.title(), text, ArticleHtml.render(blocks, page.baseUri()),
                meta.publishedAt(), meta.author(), meta.language());
    }

    private String truncate(String html) {
        if (html.length() <= maxBodyChars) {
            return html;
        }
        int end = maxBodyChars;
        if (Character.isHighSurrogate(html.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return html.substring(0, end);
    }
}
