package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.metadata.MetadataReader;
import huixun.normalise.metadata.PageMetadata;
import huixun.normalise.parse.PageParser;
import huixun.normalise.selector.PageElements;
import huixun.normalise.selector.SelectorSet;
import huixun.normalise.text.TextWeight;
import huixun.normalise.zh.ChineseConverter;
import huixun.normalise.zh.ScriptDetector;
import huixun.normalise.zh.TextNormaliser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Every extraction runs within a time and memory budget ({@link ExtractionBudget}).
 */
public class ArticleExtractor {
    private final MetadataReader metadata;
    private final ChromeRemover chrome;
    private final ContentLocator locator;
    private final SelectorSet selectors;
    private final BlockCollector collector;
    private final int maxBodyChars;
    private final int minTextChars;
    private final Duration timeLimit;
    private final long maxAllocatedBytes;
    private final boolean renderHtml;
    private final TextNormaliser normaliser = new TextNormaliser();
    private final ScriptDetector scripts = new ScriptDetector();
    private final Map<ChineseConverter.Variant, ChineseConverter> converters = Map.of(
            ChineseConverter.Variant.T2S, new ChineseConverter(ChineseConverter.Variant.T2S),
            ChineseConverter.Variant.TW2S, new ChineseConverter(ChineseConverter.Variant.TW2S),
            ChineseConverter.Variant.HK2S, new ChineseConverter(ChineseConverter.Variant.HK2S));

    /**
     * An extractor without time or memory limit, for the extract command and tests: their output must not depend on
     * how busy the machine is. The service sets limits ({@code huixun.normalise.time-limit}).
     */
    public ArticleExtractor(BoilerplateRules rules, int maxBodyChars, int minTextChars) {
        this(rules, maxBodyChars, minTextChars, true);
    }

    /**
     * An extractor without limits, as above, that renders the sanitised HTML only when {@code renderHtml}: the
     * extract command outputs it only when asked, and it is a twentieth of an extraction's time.
     */
    public ArticleExtractor(BoilerplateRules rules, int maxBodyChars, int minTextChars, boolean renderHtml) {
        this(rules, maxBodyChars, minTextChars, ExtractionBudget.NO_TIME_LIMIT, Long.MAX_VALUE, renderHtml);
    }

    /**
     * @param maxBodyChars      characters of a page parsed at most; the rest is ignored
     * @param minTextChars      letters the body needs; fewer make the page {@link Extraction.NoArticle}
     * @param timeLimit         time one page may take; a slower page is {@link Extraction.OverLimit}
     * @param maxAllocatedBytes bytes one page may allocate; a page needing more is {@link Extraction.OverLimit}
     */
    public ArticleExtractor(BoilerplateRules rules, int maxBodyChars, int minTextChars, Duration timeLimit,
                            long maxAllocatedBytes) {
        this(rules, maxBodyChars, minTextChars, timeLimit, maxAllocatedBytes, true);
    }

    private ArticleExtractor(BoilerplateRules rules, int maxBodyChars, int minTextChars, Duration timeLimit,
                             long maxAllocatedBytes, boolean renderHtml) {
        this.metadata = new MetadataReader(rules.metadata());
        this.chrome = new ChromeRemover(rules.removals());
        this.locator = new ContentLocator(rules.postTitle());
        this.selectors = new SelectorSet(rules.selectors());
        this.collector = new BlockCollector(rules);
        this.maxBodyChars = maxBodyChars;
        this.minTextChars = minTextChars;
        this.timeLimit = timeLimit;
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.renderHtml = renderHtml;
    }

    /**
     * @param html    the decoded page
     * @param baseUrl the address the page was fetched from (after redirects): relative links and images resolve
     *                against it; without one they are dropped
     */
    public Extraction extract(String html, String baseUrl) {
        ExtractionBudget budget = ExtractionBudget.start(timeLimit, maxAllocatedBytes);
        try {
            return extract(html, baseUrl, budget);
        } catch (ExtractionBudget.Exceeded e) {
            return new Extraction.OverLimit(e.reason(), e.getMessage());
        }
    }

    private Extraction extract(String html, String baseUrl, ExtractionBudget budget) {
        Document page = PageParser.parse(truncate(html == null ? "" : html), baseUrl == null ? "" : baseUrl, budget);
        budget.checkNow("parsing");
        // One walk notes which rule selectors every element matches, for the metadata sources and the chrome rules.
        PageElements elements = selectors.index(page);
        budget.checkNow("indexing the page");
        PageMetadata meta = metadata.read(page, elements, budget);
        chrome.strip(page, elements, budget);
        List<Element> containers = locator.locate(page.body(), elements, budget);
        if (containers.isEmpty()) {
            return new Extraction.NoArticle("no paragraph of text on the page");
        }
        BlockCollector.Collected collected = collector.collect(containers, elements, meta.title(), budget);
        budget.checkNow("collecting paragraphs");
        String original = text(collected.blocks());
        int letters = TextWeight.letters(original);
        if (letters < minTextChars) {
            return new Extraction.NoArticle("the extracted body has " + letters + " letters, fewer than "
                    + minTextChars);
        }
        ScriptDetector.Detected detected = scripts.detect(original);
        Map<String, String> provenance = new HashMap<>(meta.provenance());
        String language = meta.language();
        if (detected.language() != null) {
            language = detected.language();
            provenance.put("language", "text");
        }
        UnaryOperator<String> simplify = "Hant".equals(detected.script())
                ? converter(page)::toSimplified : UnaryOperator.identity();
        List<Block> blocks = "Hant".equals(detected.script()) ? convert(collected.blocks(), simplify, budget)
                : collected.blocks();
        Map<BoilerplateRules.Field, String> fields = collected.fields();
        String leadImage = meta.leadImage();
        if (leadImage == null) {
            leadImage = blocks.stream().filter(Block::isImage).map(Block::src).findFirst().orElse(null);
            if (leadImage != null) {
                provenance.put("leadImage", "body image");
            }
        }
        fieldProvenance(fields, provenance);
        budget.checkNow("rendering HTML");
        String text = blocks == collected.blocks() ? original : text(blocks); // the same blocks unless converted
        return new Extraction.Article(field(meta.title(), simplify), text,
                renderHtml ? ArticleHtml.render(blocks, page.baseUri()) : null, meta.publishedAt(),
                field(meta.author(), simplify), language, original, detected.script(),
                field(fields.get(BoilerplateRules.Field.EDITOR), simplify),
                field(fields.get(BoilerplateRules.Field.ORIGINAL_TITLE), simplify),
                field(fields.get(BoilerplateRules.Field.SOURCE_NAME), simplify), meta.updatedAt(),
                meta.canonicalUrl(), leadImage, field(meta.description(), simplify),
                meta.siteCategories().stream().map(category -> field(category, simplify)).toList(), provenance);
    }

    /** The fields moved out of the body came from a line of it. */
    private static void fieldProvenance(Map<BoilerplateRules.Field, String> fields, Map<String, String> provenance) {
        for (BoilerplateRules.Field field : fields.keySet()) {
            String name = switch (field) {
                case EDITOR -> "editor";
                case ORIGINAL_TITLE -> "originalTitle";
                case SOURCE_NAME -> "sourceName";
            };
            provenance.put(name, "body line");
        }
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
    private static List<Block> convert(List<Block> blocks, UnaryOperator<String> simplify,
                                       ExtractionBudget budget) {
        List<Block> converted = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            budget.check("converting to Simplified");
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
