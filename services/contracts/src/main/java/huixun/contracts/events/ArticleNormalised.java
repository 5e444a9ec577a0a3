package huixun.contracts.events;

import java.time.Instant;

/**
 * An article extracted from a fetched page.
 *
 * @param text        the body as plain text, paragraphs separated by blank lines
 * @param html        the body as sanitised HTML
 * @param publishedAt when the article says it was published, or null when it does not say
 * @param author      the byline, or null
 * @param language    a BCP 47 tag ({@code zh}, {@code en}), or null when unknown
 */
public record ArticleNormalised(int schemaVersion, String articleId, String submissionId, String url,
                                String finalUrl, String title, String text, String html, Instant publishedAt,
                                String author, String language, Instant normalisedAt) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public ArticleNormalised(String articleId, String submissionId, String url, String finalUrl, String title,
                             String text, String html, Instant publishedAt, String author, String language,
                             Instant normalisedAt) {
        this(SCHEMA_VERSION, articleId, submissionId, url, finalUrl, title, text, html, publishedAt, author,
                language, normalisedAt);
    }
}
