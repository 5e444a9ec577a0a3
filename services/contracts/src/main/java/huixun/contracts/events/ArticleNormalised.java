package huixun.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article extracted from a fetched page.
 *
 * @param text        the body as plain text, paragraphs separated by blank lines
 * @param html        the body as sanitised HTML
 * @param publishedAt when the article says it was published, or null when it does not say
 * @param author      the byline, or null
 * @param language      a BCP 47 primary language tag ({@code zh}, {@code en}, {@code ja}, {@code ko}), or null when
 *                      unknown
 * @param textOriginal  the body in the page's own script (pinyin annotations and layout noise removed, not converted
 *                      to Simplified); equal to {@code text} for a page that is not Traditional Chinese; null from
 *                      producers older than this component
 * @param script        ISO 15924 script of the page's Chinese text, {@code Hans} or {@code Hant}; null for a page
 *                      that is not Chinese (with {@code language} it makes {@code zh-Hans}, {@code zh-Hant})
 * @param editor        the site's editor credit ({@code 责任编辑：…}) moved out of the body, or null
 * @param originalTitle the headline the article first ran under ({@code 原标题：…}) moved out of the body, or null
 * @param sourceName    the original publisher ({@code 来源：…}) moved out of the body, or null
 * @param updatedAt     when the article says it was last updated, or null
 * @param canonicalUrl  the page's {@code <link rel="canonical">}, or null
 * @param leadImage     the lead image (og:image or the first body image), absolute, or null
 * @param description   the page's summary (og:description / meta description), or null
 * @param siteCategories the site's own section or breadcrumb trail, broadest first; empty when none
 * @param provenance    for each metadata field, where its value was read ({@code title -> og:title},
 *                      {@code publishedAt -> json-ld}); empty when not recorded
 * @param origin        the feed subscription that submitted the URL, or null
 */
public record ArticleNormalised(int schemaVersion, String articleId, String submissionId, String url,
                                String finalUrl, String title, String text, String html, Instant publishedAt,
                                String author, String language, Instant normalisedAt, String textOriginal,
                                String script, String editor, String originalTitle,
                                String sourceName, Instant updatedAt, String canonicalUrl, String leadImage,
                                String description, List<String> siteCategories, Map<String, String> provenance,
                                Origin origin) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public ArticleNormalised {
        siteCategories = siteCategories == null ? List.of() : List.copyOf(siteCategories);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** The components up to Chinese normalisation (issue 5); the later ones are empty. */
    public ArticleNormalised(int schemaVersion, String articleId, String submissionId, String url, String finalUrl,
                             String title, String text, String html, Instant publishedAt, String author,
                             String language, Instant normalisedAt, String textOriginal, String script,
                             String editor, String originalTitle, String sourceName) {
        this(schemaVersion, articleId, submissionId, url, finalUrl, title, text, html, publishedAt, author, language,
                normalisedAt, textOriginal, script, editor, originalTitle, sourceName, null, null, null, null, null,
                null, null);
    }

    /** The components before Chinese normalisation (issue 5); the new ones are null. */
    public ArticleNormalised(int schemaVersion, String articleId, String submissionId, String url, String finalUrl,
                             String title, String text, String html, Instant publishedAt, String author,
                             String language, Instant normalisedAt) {
        this(schemaVersion, articleId, submissionId, url, finalUrl, title, text, html, publishedAt, author, language,
                normalisedAt, null, null, null, null, null);
    }

    public ArticleNormalised(String articleId, String submissionId, String url, String finalUrl, String title,
                             String text, String html, Instant publishedAt, String author, String language,
                             Instant normalisedAt) {
        this(SCHEMA_VERSION, articleId, submissionId, url, finalUrl, title, text, html, publishedAt, author,
                language, normalisedAt);
    }
}
