package huixun.contracts.events;

import java.time.Instant;

/**
 * A page was fetched and decoded to text; normalise turns it into an article.
 *
 * @param finalUrl the URL after redirects; relative links in {@code html} resolve against it
 * @param charset  the charset the bytes were decoded with, and where it came from is not kept
 * @param html     the decoded page, up to the fetch size cap (10 MB by default)
 * @param origin   the feed subscription that submitted the URL, or null
 */
public record PageFetched(int schemaVersion, String articleId, String submissionId, String url, String finalUrl,
                          int httpStatus, String contentType, String charset, Instant fetchedAt, String html,
                          Origin origin) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public PageFetched(String articleId, String submissionId, String url, String finalUrl, int httpStatus,
                       String contentType, String charset, Instant fetchedAt, String html) {
        this(SCHEMA_VERSION, articleId, submissionId, url, finalUrl, httpStatus, contentType, charset, fetchedAt,
                html, null);
    }
}
