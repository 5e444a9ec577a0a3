package huixun.normalise.extract;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@link ArticleExtractor} found in a page: an article, the reason there is none, or that it cost too much. */
public sealed interface Extraction permits Extraction.Article, Extraction.NoArticle, Extraction.OverLimit {

    /**
     * An extracted article.
     *
     * @param title          the headline; Simplified when the page is Traditional Chinese
     * @param text           paragraphs as plain text, separated by a blank line; Simplified when the page is
     *                       Traditional Chinese
     * @param html           the same paragraphs (and images) as sanitised HTML, in the script of {@code text}; null
     *                       from an extractor made not to render it (the extract command without {@code --html})
     * @param publishedAt    publication time, or null when the page does not say
     * @param author         the byline, or null
     * @param language       {@code zh}, {@code en}, {@code ja}, {@code ko} from the text, else the primary subtag of
     *                       {@code <html lang>}, or null
     * @param textOriginal   {@code text} in the page's own script (equal to {@code text} unless it is Traditional)
     * @param script         {@code Hant} or {@code Hans} for Chinese text, else null
     * @param editor         the editor credit moved out of the body, or null
     * @param originalTitle  the original headline ({@code 原标题}) moved out of the body, or null
     * @param sourceName     the original publisher ({@code 来源}) moved out of the body, or null
     * @param updatedAt      the time of the last change the page declares, or null
     * @param canonicalUrl   the page's canonical address (rel=canonical, og:url), or null
     * @param leadImage      og:image and kin, else the first image of the body; absolute http(s), or null
     * @param description    the page's own summary, or null
     * @param siteCategories the site's sections leading to the article (breadcrumbs), broadest first; may be empty
     * @param provenance     for each field found, where it was read ({@code title -> og:title})
     */
    record Article(String title, String text, String html, Instant publishedAt, String author, String language,
                   String textOriginal, String script, String editor, String originalTitle,
                   String sourceName, Instant updatedAt, String canonicalUrl, String leadImage, String description,
                   List<String> siteCategories, Map<String, String> provenance) implements Extraction {
    }

    /** The page holds no article text; {@code detail} says what was found instead, for the status timeline. */
    record NoArticle(String detail) implements Extraction {
    }

    /**
     * Extraction stopped because the page took more time or memory than a page may; {@code reason} is
     * {@code timeout} or {@code too_large} and {@code detail} says which limit and where it stopped.
     */
    record OverLimit(String reason, String detail) implements Extraction {
    }
}
