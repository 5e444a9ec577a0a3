package huixun.contracts.events;

import huixun.contracts.ArticleStatus;

import java.time.Instant;

/**
 * A submission reached a status. Every stage writes these; publish keeps them as the article's timeline.
 *
 * @param stage  the service that reported it ({@code fetch}, {@code normalise}, …)
 * @param reason a {@link huixun.contracts.FailureReason} code when {@code status} is FAILED, else null
 * @param detail  a human-readable explanation, or null
 * @param traceId the OpenTelemetry trace id of the submission's trace, or null when tracing is off
 */
public record StatusChanged(int schemaVersion, String articleId, String submissionId, String url,
                            ArticleStatus status, String stage, String reason, String detail, Instant at,
                            String traceId) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public StatusChanged(int schemaVersion, String articleId, String submissionId, String url, ArticleStatus status,
                         String stage, String reason, String detail, Instant at) {
        this(schemaVersion, articleId, submissionId, url, status, stage, reason, detail, at, null);
    }

    /** The same status stamped with a trace id. */
    public StatusChanged withTraceId(String id) {
        return new StatusChanged(schemaVersion, articleId, submissionId, url, status, stage, reason, detail, at, id);
    }

    public static StatusChanged reached(PipelineEvent event, String url, ArticleStatus status, String stage) {
        return new StatusChanged(SCHEMA_VERSION, event.articleId(), event.submissionId(), url, status, stage,
                null, null, Instant.now());
    }

    public static StatusChanged failed(PipelineEvent event, String url, String stage, String reason, String detail) {
        return new StatusChanged(SCHEMA_VERSION, event.articleId(), event.submissionId(), url,
                ArticleStatus.FAILED, stage, reason, detail, Instant.now());
    }
}
