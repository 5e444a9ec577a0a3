package huixun.normalise.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.normalise.text.TextWeight;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article's title, publication time, author and language from the whole page, before any chrome is
 * removed (the date line and JSON-LD sit outside the article). The sources and their order are in
 * {@code docs/extraction.md}; the selectors in {@code rules/boilerplate.yml}.
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataRules rules;
    private final DateTextParser dates = new DateTextParser();

    public MetadataReader(MetadataRules rules) {
        this.rules = rules;
    }

    public PageMetadata read(Document page) {
        String language = language(page);
        ZoneId zone = "zh".equals(language) ? CHINESE_PAGES : ZoneOffset.UTC;
        return new PageMetadata(title(page), publishedAt(page, zone).orElse(null), author(page), language);
    }

    /** og:title (less an exact site-name suffix), else the headline h1, else {@code <title>} less its suffix. */
    String title(Document page) {
        String siteName = first(page, rules.siteName());
        String declared = first(page, rules.titleMeta());
        if (!declared.isEmpty()) {
            return withoutSiteName(declared, siteName);
        }
        String titleTag = TextWeight.trim(page.title());
        String headline = headline(page, titleTag);
        if (!headline.isEmpty()) {
            return headline;
        }
        return titleTag.isEmpty() ? null : withoutSuffix(titleTag, siteName);
    }

    /**
     * Some pages carry several h1 (a logo, the site name): the longest one that also occurs in {@code <title>} is
     * the headline, else the longest.
     */
    private String headline(Document page, String titleTag) {
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
    Optional<Instant> publishedAt(Document page, ZoneId zone) {
        for (Element meta : page.select(rules.publishedMeta())) {
            Optional<Instant> instant = dates.parse(meta.attr("content"), zone);
            if (instant.isPresent()) {
                return instant;
            }
        }
        for (Element script : page.select(rules.publishedJsonLd())) {
            Optional<Instant> instant = jsonLdDate(script.data(), zone);
            if (instant.isPresent()) {
                return instant;
            }
        }
        for (Element time : page.select(rules.publishedTimeElement())) {
            Optional<Instant> instant = dates.parse(time.attr("datetime"), zone);
            if (instant.isPresent()) {
                return instant;
            }
        }
        for (Element line : page.select(rules.publishedText())) {
            Optional<Instant> instant = dates.find(line.text(), zone);
            if (instant.isPresent()) {
                return instant;
            }
        }
        return dateAfterHeadline(page, zone);
    }

    private Optional<Instant> dateAfterHeadline(Document page, ZoneId zone) {
        Element headline = page.selectFirst(rules.headline());
        if (headline == null) {
            return Optional.empty();
        }
        String text = page.body().text();
        int at = text.indexOf(headline.text());
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + headline.text().length();
        return dates.find(text.substring(from, Math.min(text.length(), from + DATE_AFTER_HEADLINE_CHARS)), zone);
    }

    private Optional<Instant> jsonLdDate(String json, ZoneId zone) {
        try {
            JsonNode published = JSON.readTree(json).findValue("datePublished");
            return published == null ? Optional.empty() : dates.parse(published.asText(), zone);
        } catch (JsonProcessingException e) {
            return Optional.empty(); // broken JSON-LD is common; the next source may still have the date
        }
    }

    /** The declared author, else a visible byline, without a label such as 作者： or 记者. */
    String author(Document page) {
        for (Element meta : page.select(rules.authorMeta())) {
            String author = cleanAuthor(meta.attr("content"));
            if (author != null) {
                return author;
            }
        }
        for (Element byline : page.select(rules.authorByline())) {
            String author = cleanAuthor(byline.hasAttr("content") ? byline.attr("content") : byline.text());
            if (author != null) {
                return author;
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
    String language(Document page) {
        Element html = page.firstElementChild();
        if (html != null) {
            String declared = html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
            Matcher tag = LANGUAGE_TAG.matcher(declared.strip());
            if (tag.matches()) {
                return tag.group(1).toLowerCase(Locale.ROOT);
            }
        }
        String text = page.body().text();
        int letters = TextWeight.letters(text);
        if (letters == 0) {
            return null;
        }
        if (TextWeight.cjk(text) >= CJK_SHARE_FOR_ZH * letters) {
            return "zh";
        }
        return latin(text) >= LATIN_SHARE_FOR_EN * letters ? "en" : null;
    }

    private static int latin(String text) {
        return (int) text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN)
                .count();
    }

    /** The {@code content} of the first matching meta element with one, else the text of the first element. */
    private static String first(Document page, String selector) {
        for (Element element : page.select(selector)) {
            String value = TextWeight.trim(element.hasAttr("content") ? element.attr("content") : element.text());
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
