package huixun.publish.store;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.StatusChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One row of an article's timeline: a status one submission reached, as a stage reported it. Rows are only ever
 * inserted, at most one per (submission, status); the id gives their arrival order.
 */
@Entity
@Table(name = "article_status")
public class StatusEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "article_id")
    private String articleId;
    @Column(name = "submission_id")
    private String submissionId;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private String stage;
    private String reason;
    private String detail;
    @Column(name = "at")
    private Instant reachedAt;
    @Column(name = "trace_id")
    private String traceId;

    protected StatusEntry() {
        // for Hibernate
    }

    StatusEntry(String articleId, String submissionId, ArticleStatus status, String stage, String reason,
                String detail, Instant reachedAt, String traceId) {
        this.articleId = articleId;
        this.submissionId = submissionId;
        this.status = status;
        this.stage = stage;
        this.reason = reason;
        this.detail = detail;
        this.reachedAt = StorePrecision.of(reachedAt);
        this.traceId = traceId;
    }

    static StatusEntry of(StatusChanged event) {
        return new StatusEntry(event.articleId(), event.submissionId(), event.status(), event.stage(),
                event.reason(), event.detail(), event.at(), event.traceId());
    }

    public String articleId() {
        return articleId;
    }

    public String submissionId() {
        return submissionId;
    }

    public ArticleStatus status() {
        return status;
    }

    public String stage() {
        return stage;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public Instant at() {
        return reachedAt;
    }

    /** The OpenTelemetry trace id the stage reported, or null. */
    public String traceId() {
        return traceId;
    }
}
