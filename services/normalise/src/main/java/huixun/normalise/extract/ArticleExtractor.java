package huixun.normalise.extract;

import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.metadata.MetadataReader;
import huixun.normalise.metadata.PageMetadata;
import huixun.normalise.text.TextWeight;
import huixun.normalise.zh.ChineseConverter;
import huixun.normalise.zh.ScriptDetector;
import huixun.normalise.zh.TextNormaliser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Extracts the article from a decoded page: reads the metadata from the whole page, removes the chrome the rules
 * name, picks the container with the most paragraph text ({@link ContentLocator}), and outputs its paragraphs as
 * plain text and as sanitised HTML. Chinese text is normalised on the way (pinyin annotations, full-width letters,
 * stray spaces, boilerplate lines moved into fields) and Traditional Chinese is converted to Simplified, keeping the
 * original as {@code textOriginal}. Plain Java on jsoup, thread-safe, used by the stage and the extract CLI alike.
 */
public class ArticleExtractor {
    private final MetadataReader metadata;
    private final ChromeRemover chrome;
    private final ContentLocator locator = new ContentLocator();
    private final BlockCollector collector;
    private final int maxBodyChars;
    private final int minTextChars;
    private final TextNormaliser normaliser = new TextNormaliser();
    private final ScriptDetector scripts = new ScriptDetector();
    private final Map<ChineseConverter.Variant, ChineseConverter> converters = Map.of(
            ChineseConverter.Variant.T2S, new ChineseConverter(ChineseConverter.Variant.T2S),
            ChineseConverter.Variant.TW2S, new ChineseConverter(ChineseConverter.Variant.TW2S),
            ChineseConverter.Variant.HK2S, new ChineseConverter(ChineseConverter.Variant.HK2S));

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
        BlockCollector.Collected collected = collector.collect(containers);
        String original = text(collected.blocks());
        int letters = TextWeight.letters(original);
        if (letters < minTextChars) {
            return new Extraction.NoArticle("the extracted body has " + letters + " letters, fewer than "
                    + minTextChars);
        }
        ScriptDetector.Detected detected = scripts.detect(original);
        String language = detected.language() != null ? detected.language() : meta.language();
        UnaryOperator<String> simplify = "Hant".equals(detected.script())
                ? converter(page)::toSimplified : UnaryOperator.identity();
        List<Block> blocks = "Hant".equals(detected.script()) ? convert(collected.blocks(), simplify)
                : collected.blocks();
        Map<BoilerplateRules.Field, String> fields = collected.fields();
        return new Extraction.Article(field(meta.title(), simplify), text(blocks),
                ArticleHtml.render(blocks, page.baseUri()), meta.publishedAt(), field(meta.author(), simplify),
                language, original, detected.script(), field(fields.get(BoilerplateRules.Field.EDITOR), simplify),
                field(fields.get(BoilerplateRules.Field.ORIGINAL_TITLE), simplify),
                field(fields.get(BoilerplateRules.Field.SOURCE_NAME), simplify));
    }

    /**
     * The prose of the article. Figure captions stay in the HTML, inside their figure next to the image, but not in
     * the text: there they interrupt the prose with "Credit: …" lines that belong to a picture the text does not show.
     */
    private static String text(List<Block> blocks) {
        return blocks.stream().filter(block -> !block.isImage() && block.kind() != Block.Kind.CAPTION)
                .map(Block::text).collect(Collectors.joining("\n\n"));
    }

    private String field(String value, UnaryOperator<String> simplify) {
        return value == null ? null : simplify.apply(normaliser.line(value));
    }

    /** The page's regional standard from {@code <html lang>}: zh-TW and zh-HK spell some words their own way. */
    private ChineseConverter converter(Document page) {
        Element html = page.firstElementChild();
        String lang = html == null ? "" : html.attr("lang").toLowerCase(Locale.ROOT);
        if (lang.endsWith("-tw") || lang.contains("-hant-tw")) {
            return converters.get(ChineseConverter.Variant.TW2S);
        }
        if (lang.endsWith("-hk") || lang.endsWith("-mo") || lang.contains("-hant-hk")) {
            return converters.get(ChineseConverter.Variant.HK2S);
        }
        return converters.get(ChineseConverter.Variant.T2S);
    }

    /** The blocks with their text, and the text of their inline content, converted; images unchanged. */
    private static List<Block> convert(List<Block> blocks, UnaryOperator<String> simplify) {
        List<Block> converted = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.isImage()) {
                converted.add(block);
                continue;
            }
            Element content = block.content().clone();
            content.traverse((node, depth) -> {
                if (node instanceof TextNode text) {
                    text.text(simplify.apply(text.getWholeText()));
                }
            });
            converted.add(new Block(block.kind(), simplify.apply(block.text()), content, null, null, block.list(),
                    block.quote(), block.figure()));
        }
        return converted;
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
