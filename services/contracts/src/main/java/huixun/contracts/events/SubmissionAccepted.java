package huixun.contracts.events;

import java.time.Instant;

/**
 * A URL was accepted by the submission API and must be fetched. Keyed by host.
 *
 * @param url          the URL as submitted
 * @param canonicalUrl the URL the article id is derived from
 * @param refresh      true when the submitter asked for a known URL to be fetched again (a new version)
 * @param origin       the feed subscription that submitted it, or null for a direct submission
 */
public record SubmissionAccepted(int schemaVersion, String articleId, String submissionId,
                                 String url, String canonicalUrl, Instant acceptedAt, boolean refresh,
                                 Origin origin) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1; // bump on an incompatible change; consumers reject unknown ones

    public SubmissionAccepted(String articleId, String submissionId, String url, String canonicalUrl,
                              Instant acceptedAt) {
        this(SCHEMA_VERSION, articleId, submissionId, url, canonicalUrl, acceptedAt, false, null);
    }
}
