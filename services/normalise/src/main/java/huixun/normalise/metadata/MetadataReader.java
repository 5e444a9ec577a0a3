package huixun.normalise.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.link.AbsoluteUrl;
import huixun.normalise.selector.PageElements;
import huixun.normalise.selector.RuleSelector;
import huixun.normalise.selector.SelectorSet;
import huixun.normalise.text.TextWeight;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article's title, publication and update time, author, language, canonical address, lead image,
 * description and site categories from the whole page, before any chrome is removed (the date line, the breadcrumb
 * trail and JSON-LD sit outside the article), and records where each value came from. The sources and their order
 * are in {@code docs/extraction.md}; the selectors in {@code rules/boilerplate.yml}.
 */
public final class MetadataReader {
    /** Chinese news sites write local times without an offset; the mainland, Hong Kong and Taiwan are all UTC+8. */
    private static final ZoneId CHINESE_PAGES = ZoneId.of("Asia/Shanghai");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");
    /**
     * Shares of the body's letters above which a page without {@code lang} is taken as zh or en: a Chinese page
     * with English navigation and digits stays well above 0.3 CJK.
     */
    private static final double CJK_SHARE_FOR_ZH = 0.3;
    private static final double LATIN_SHARE_FOR_EN = 0.8;
    /** The date line follows the headline closely; a date further down is a related story's or a comment's. */
    private static final int DATE_AFTER_HEADLINE_CHARS = 300;
    private static final int MAX_AUTHOR_LETTERS = 40;
    /** A breadcrumb entry longer than this is the headline repeated at the end of the trail, not a section. */
    private static final int MAX_CATEGORY_LETTERS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READING = "reading metadata";

    private final MetadataRules rules;
    private final SelectorSet selectors;
    private final DateTextParser dates = new DateTextParser();

    public MetadataReader(MetadataRules rules) {
        this.rules = rules;
        this.selectors = new SelectorSet(rules.selectors());
    }

    /** Reads a page without a time or memory limit. */
    public PageMetadata read(Document page) {
        return read(page, selectors.index(page), ExtractionBudget.unlimited());
    }

    /**
     * Reads a page, checking {@code budget} between the sources.
     *
     * @param elements the page's elements, indexed with a {@link SelectorSet} holding the metadata selectors
     */
    public PageMetadata read(Document document, PageElements elements, ExtractionBudget budget) {
        Page page = new Page(document, elements);
        Map<String, String> provenance = new HashMap<>();
        String language = record(provenance, "language", language(page));
        ZoneId zone = "zh".equals(language) ? CHINESE_PAGES : ZoneOffset.UTC;
        List<JsonNode> jsonLd = jsonLd(page);
        String title = record(provenance, "title", title(page));
        budget.checkNow(READING);
        Instant published = record(provenance, "publishedAt", publishedAt(page, jsonLd, zone));
        Sourced<Instant> updated = updatedAt(page, jsonLd, zone);
        // An update before the publication is a template's or a feed's date, not this article's.
        Instant updatedAt = updated != null && (published == null || !updated.value().isBefore(published))
                ? record(provenance, "updatedAt", updated) : null;
        budget.checkNow(READING);
        String author = record(provenance, "author", author(page));
        String canonical = record(provenance, "canonicalUrl", url(page, rules.canonical()));
        Sourced<String> image = url(page, rules.leadImage());
        String leadImage = record(provenance, "leadImage", image != null ? image : jsonLdImage(jsonLd));
        budget.checkNow(READING);
        String description = record(provenance, "description", description(page, jsonLd));
        List<String> categories = record(provenance, "siteCategories", siteCategories(page, jsonLd, title));
        budget.checkNow(READING);
        return new PageMetadata(title, published, author, language, updatedAt, canonical, leadImage, description,
                categories == null ? List.of() : categories, provenance);
    }

    /**
     * The page and its elements, indexed in one walk with the selectors each matches: a source reads the index
     * rather than walking the page again (a dozen walks were a quarter of the extraction time).
     */
    private record Page(Document document, PageElements elements) {
        List<Element> select(RuleSelector selector) {
            return elements.select(selector);
        }

        Element selectFirst(RuleSelector selector) {
            return elements.selectFirst(selector);
        }
    }

    /** A value and where it was read, for the provenance map. */
    record Sourced<T>(T value, String source) {
    }

    private static <T> T record(Map<String, String> provenance, String field, Sourced<T> found) {
        if (found == null) {
            return null;
        }
        provenance.put(field, found.source());
        return found.value();
    }

    /** og:title (less an exact site-name suffix), else the headline h1, else {@code <title>} less its suffix. */
    private Sourced<String> title(Page page) {
        Sourced<String> site = first(page, rules.siteName());
        String siteName = site == null ? "" : site.value();
        Sourced<String> declared = first(page, rules.titleMeta());
        if (declared != null) {
            return new Sourced<>(withoutSiteName(declared.value(), siteName), declared.source());
        }
        String titleTag = TextWeight.trim(page.document().title());
        String headline = headline(page, titleTag);
        if (!headline.isEmpty()) {
            return new Sourced<>(headline, "h1");
        }
        return titleTag.isEmpty() ? null : new Sourced<>(withoutSuffix(titleTag, siteName), "title");
    }

    /**
     * Some pages carry several h1 (a logo, the site name): the longest one that also occurs in {@code <title>} is
     * the headline, else the longest.
     */
    private String headline(Page page, String titleTag) {
        String best = "";
        boolean bestInTitle = false;
        for (Element h1 : page.select(rules.headline())) {
            String text = TextWeight.trim(h1.text());
            boolean inTitle = !text.isEmpty() && titleTag.contains(text);
            if ((inTitle && !bestInTitle) || (inTitle == bestInTitle && text.length() > best.length())) {
                best = text;
                bestInTitle = inTitle;
            }
        }
        return best;
    }

    /** Drops a trailing separator and site name when the site name is known exactly. */
    private String withoutSiteName(String title, String siteName) {
        if (siteName.isEmpty()) {
            return title;
        }
        Matcher separator = rules.titleSeparator().matcher(title);
        int start = -1;
        int end = -1;
        while (separator.find()) {
            start = separator.start();
            end = separator.end();
        }
        if (start > 0 && title.substring(end).strip().equals(siteName)) {
            return TextWeight.trim(title.substring(0, start));
        }
        return title;
    }

    /**
     * Drops trailing segments ("headline - site", "headline_channel_portal") while the segment is the site name or
     * has fewer letters than what precedes it, so a headline containing " - " keeps its longer second half.
     */
    String withoutSuffix(String title, String siteName) {
        String rest = title;
        while (true) {
            Matcher separator = rules.titleSeparator().matcher(rest);
            int start = -1;
            int end = -1;
            while (separator.find()) {
                start = separator.start();
                end = separator.end();
            }
            if (start <= 0) {
                return rest;
            }
            String head = TextWeight.trim(rest.substring(0, start));
            String tail = TextWeight.trim(rest.substring(end));
            boolean isSuffix = tail.equals(siteName) || TextWeight.letters(tail) < TextWeight.letters(head);
            if (head.isEmpty() || !isSuffix) {
                return rest;
            }
            rest = head;
        }
    }

    /** article:published_time and kin, JSON-LD datePublished, {@code <time datetime>}, then the visible date line. */
    private Sourced<Instant> publishedAt(Page page, List<JsonNode> jsonLd, ZoneId zone) {
        Sourced<Instant> declared = metaDate(page, rules.publishedMeta(), jsonLd, "datePublished", zone);
        if (declared != null) {
            return declared;
        }
        Sourced<Instant> time = timeElement(page, rules.publishedTimeElement(), zone);
        if (time != null) {
            return time;
        }
        for (Element line : page.select(rules.publishedText())) {
            Optional<Instant> instant = dates.find(line.text(), zone);
            if (instant.isPresent()) {
                return new Sourced<>(instant.get(), "date-line");
            }
        }
        return dateAfterHeadline(page, zone).map(instant -> new Sourced<>(instant, "text-after-headline"))
                .orElse(null);
    }

    /** article:modified_time and kin, JSON-LD dateModified, then a {@code <time itemprop=dateModified>}. */
    private Sourced<Instant> updatedAt(Page page, List<JsonNode> jsonLd, ZoneId zone) {
        Sourced<Instant> declared = metaDate(page, rules.updatedMeta(), jsonLd, "dateModified", zone);
        return declared != null ? declared : timeElement(page, rules.updatedTimeElement(), zone);
    }

    /** The first parsable {@code <meta content>} of {@code selector}, else the first JSON-LD {@code key}. */
    private Sourced<Instant> metaDate(Page page, RuleSelector selector, List<JsonNode> jsonLd, String key,
                                      ZoneId zone) {
        for (Element meta : page.select(selector)) {
            Optional<Instant> instant = dates.parse(meta.attr("content"), zone);
            if (instant.isPresent()) {
                return new Sourced<>(instant.get(), source(meta));
            }
        }
        for (JsonNode node : jsonLd) {
            JsonNode value = node.findValue(key);
            Optional<Instant> instant = value == null ? Optional.empty() : dates.parse(value.asText(), zone);
            if (instant.isPresent()) {
                return new Sourced<>(instant.get(), "json-ld " + key);
            }
        }
        return null;
    }

    private Sourced<Instant> timeElement(Page page, RuleSelector selector, ZoneId zone) {
        for (Element time : page.select(selector)) {
            Optional<Instant> instant = dates.parse(time.attr("datetime"), zone);
            if (instant.isPresent()) {
                return new Sourced<>(instant.get(), source(time));
            }
        }
        return null;
    }

    private Optional<Instant> dateAfterHeadline(Page page, ZoneId zone) {
        Element headline = page.selectFirst(rules.headline());
        if (headline == null) {
            return Optional.empty();
        }
        String text = page.document().body().text();
        String headlineText = headline.text();
        int at = text.indexOf(headlineText);
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + headlineText.length();
        return dates.find(text.substring(from, Math.min(text.length(), from + DATE_AFTER_HEADLINE_CHARS)), zone);
    }

    /** Every JSON-LD block of the page, parsed once; broken ones (common) are skipped. */
    private List<JsonNode> jsonLd(Page page) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : page.select(rules.publishedJsonLd())) {
            try {
                nodes.add(JSON.readTree(script.data()));
            } catch (JsonProcessingException e) {
                continue; // the next source may still have the value
            }
        }
        return nodes;
    }

    /** The first absolute http(s) address in the {@code href} or {@code content} of an element of {@code selector}. */
    private static Sourced<String> url(Page page, RuleSelector selector) {
        for (Element element : page.select(selector)) {
            String url = absolute(AbsoluteUrl.of(element, element.hasAttr("href") ? "href" : "content"));
            if (url != null) {
                return new Sourced<>(url, source(element));
            }
        }
        return null;
    }

    /** JSON-LD {@code image}: an address, an ImageObject with {@code url}, or a list of either. */
    private static Sourced<String> jsonLdImage(List<JsonNode> jsonLd) {
        for (JsonNode node : jsonLd) {
            JsonNode image = node.findValue("image");
            if (image != null && image.isArray()) {
                image = image.path(0);
            }
            if (image != null && image.isObject()) {
                image = image.path("url");
            }
            String url = image == null ? null : absolute(image.asText());
            if (url != null) {
                return new Sourced<>(url, "json-ld image");
            }
        }
        return null;
    }

    private static String absolute(String url) {
        String trimmed = url == null ? "" : url.strip();
        return trimmed.startsWith("https://") || trimmed.startsWith("http://") ? trimmed : null;
    }

    /** og:description and kin, else JSON-LD {@code description}. */
    private Sourced<String> description(Page page, List<JsonNode> jsonLd) {
        Sourced<String> declared = first(page, rules.description());
        if (declared != null) {
            return declared;
        }
        for (JsonNode node : jsonLd) {
            JsonNode value = node.findValue("description");
            if (value != null && value.isTextual() && !TextWeight.trim(value.asText()).isEmpty()) {
                return new Sourced<>(TextWeight.trim(value.asText()), "json-ld description");
            }
        }
        return null;
    }

    /** A JSON-LD BreadcrumbList, else the breadcrumb trail on the page, else article:section. */
    private Sourced<List<String>> siteCategories(Page page, List<JsonNode> jsonLd, String title) {
        for (JsonNode node : jsonLd) {
            for (JsonNode typed : node.findParents("@type")) {
                if ("BreadcrumbList".equals(typed.path("@type").asText())) {
                    List<String> trail = categories(jsonLdTrail(typed), title);
                    if (!trail.isEmpty()) {
                        return new Sourced<>(trail, "json-ld BreadcrumbList");
                    }
                }
            }
        }
        for (Element trail : page.select(rules.breadcrumb())) {
            // schema.org microdata names each entry; a plain trail is its links
            Elements entries = trail.getElementsByAttributeValue("itemprop", "name");
            List<String> names = new ArrayList<>();
            for (Element entry : entries.isEmpty() ? trail.getElementsByTag("a") : entries) {
                names.add(entry.hasAttr("content") ? entry.attr("content") : entry.text());
            }
            List<String> categories = categories(names, title);
            if (!categories.isEmpty()) {
                return new Sourced<>(categories, "breadcrumb");
            }
        }
        List<String> sections = new ArrayList<>();
        for (Element meta : page.select(rules.section())) {
            sections.add(meta.attr("content"));
        }
        List<String> categories = categories(sections, title);
        return categories.isEmpty() ? null : new Sourced<>(categories, "article:section");
    }

    private static List<String> jsonLdTrail(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("itemListElement").forEach(items::add);
        items.sort(Comparator.comparingInt(item -> item.path("position").asInt(Integer.MAX_VALUE)));
        List<String> names = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode name = item.has("name") ? item.path("name") : item.path("item").path("name");
            names.add(name.asText(""));
        }
        return names;
    }

    /** Trail entries without blanks, duplicates, the home page and the headline at the end of the trail. */
    private List<String> categories(List<String> names, String title) {
        Set<String> categories = new LinkedHashSet<>();
        for (String name : names) {
            String category = TextWeight.trim(name);
            int letters = TextWeight.letters(category);
            if (letters > 0 && letters <= MAX_CATEGORY_LETTERS && !category.equals(title)
                    && !rules.breadcrumbHome().matcher(category).matches()) {
                categories.add(category);
            }
        }
        return List.copyOf(categories);
    }

    /** The declared author, else a visible byline, without a label such as 作者： or 记者. */
    private Sourced<String> author(Page page) {
        for (Element meta : page.select(rules.authorMeta())) {
            String author = cleanAuthor(meta.attr("content"));
            if (author != null) {
                return new Sourced<>(author, source(meta));
            }
        }
        for (Element byline : page.select(rules.authorByline())) {
            String author = cleanAuthor(byline.hasAttr("content") ? byline.attr("content") : byline.text());
            if (author != null) {
                return new Sourced<>(author, "byline");
            }
        }
        return null;
    }

    private String cleanAuthor(String value) {
        String name = TextWeight.trim(rules.authorLabel().matcher(TextWeight.trim(value)).replaceFirst(""));
        int letters = TextWeight.letters(name);
        // article:author is often a profile URL; a long value is a sentence, not a name
        if (letters == 0 || letters > MAX_AUTHOR_LETTERS || name.startsWith("http://")
                || name.startsWith("https://")) {
            return null;
        }
        return name;
    }

    /** The primary subtag of {@code <html lang>}, else zh or en from the share of CJK or Latin letters. */
    private Sourced<String> language(Page page) {
        Element html = page.document().firstElementChild();
        if (html != null) {
            String declared = html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
            Matcher tag = LANGUAGE_TAG.matcher(declared.strip());
            if (tag.matches()) {
                return new Sourced<>(tag.group(1).toLowerCase(Locale.ROOT), "html lang");
            }
        }
        // Counted over the body's text nodes when the page was indexed: the same counts as over body().text()
        PageElements elements = page.elements();
        int body = elements.elements().indexOf(page.document().body());
        int letters = elements.letters(body);
        if (letters == 0) {
            return null;
        }
        if (elements.cjk(body) >= CJK_SHARE_FOR_ZH * letters) {
            return new Sourced<>("zh", "page letters");
        }
        return elements.latin(body) >= LATIN_SHARE_FOR_EN * letters ? new Sourced<>("en", "page letters") : null;
    }

    /** The {@code content} of the first matching meta element with one, else the text of the first element. */
    private static Sourced<String> first(Page page, RuleSelector selector) {
        for (Element element : page.select(selector)) {
            String value = TextWeight.trim(element.hasAttr("content") ? element.attr("content") : element.text());
            if (!value.isEmpty()) {
                return new Sourced<>(value, source(element));
            }
        }
        return null;
    }

    /** How provenance names an element: a meta tag by its property or name (og:image), a link by its rel. */
    private static String source(Element element) {
        return switch (element.normalName()) {
            case "meta" -> {
                for (String key : new String[] {"property", "name", "itemprop"}) {
                    if (!element.attr(key).isBlank()) {
                        yield element.attr(key).strip().toLowerCase(Locale.ROOT);
                    }
                }
                yield "meta";
            }
            case "link" -> "link rel=" + element.attr("rel");
            default -> element.hasAttr("itemprop") ? element.normalName() + " itemprop=" + element.attr("itemprop")
                    : element.normalName() + " datetime";
        };
    }
}
