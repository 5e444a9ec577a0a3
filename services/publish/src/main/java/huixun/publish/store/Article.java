package huixun.publish.store;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as publish stores it: the content of its latest classification and the status its timeline shows.
 * Rows are created by {@link ArticleStore} (insert-if-absent) and changed only through the methods below, so a
 * redelivered event changes nothing.
 */
@Entity
@Table(name = "article")
public class Article {
    // The reactive PostgreSQL client hands jsonb over as a parsed JSON value, and Hibernate Reactive binds JSON
    // only as an object, not an array: the labels cross as text and PostgreSQL converts.
    private static final String JSONB_READ_TOPICS = "cast(topics as text)";
    private static final String JSONB_READ_REGIONS = "cast(regions as text)";
    private static final String JSONB_WRITE = "cast(cast(? as text) as jsonb)";

    @Id
    private String id;
    private String url;
    @Column(name = "final_url")
    private String finalUrl;
    @Column(name = "submission_id")
    private String submissionId;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private String reason;
    private String detail;
    private String title;
    private String text;
    private String html;
    private String author;
    private String language;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = JSONB_READ_TOPICS, write = JSONB_WRITE)
    private List<Label> topics;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = JSONB_READ_REGIONS, write = JSONB_WRITE)
    private List<Label> regions;
    private String topic;
    private String region;
    @Column(name = "classified_at")
    private Instant classifiedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "status_at")
    private Instant statusAt;

    protected Article() {
        // for Hibernate
    }

    /**
     * Remembers the URL when the events seen so far did not carry one.
     *
     * @return whether anything changed
     */
    boolean rememberUrl(String eventUrl, Instant now) {
        if (url != null || eventUrl == null) {
            return false;
        }
        url = eventUrl;
        updatedAt = now;
        return true;
    }

    /**
     * Shows {@code entry}'s submission and status (the entry {@link StatusTimeline#shown} chose).
     *
     * @return whether anything changed
     */
    boolean show(StatusEntry entry, Instant now) {
        if (Objects.equals(submissionId, entry.submissionId()) && status == entry.status()
                && Objects.equals(reason, entry.reason()) && Objects.equals(detail, entry.detail())
                && Objects.equals(statusAt, entry.at())) {
            return false;
        }
        submissionId = entry.submissionId();
        status = entry.status();
        reason = entry.reason();
        detail = entry.detail();
        statusAt = entry.at();
        updatedAt = now;
        return true;
    }

    /**
     * Takes the content of {@code classified} unless the stored content is as recent or newer: classifications of
     * one article can arrive out of order (a refetch overtaking a slow earlier one), and a redelivery is as recent.
     *
     * @return whether anything changed
     */
    boolean takeContent(ArticleClassified classified, Instant now) {
        Instant incoming = StorePrecision.of(classified.classifiedAt());
        if (classifiedAt != null && !incoming.isAfter(classifiedAt)) {
            return false;
        }
        ArticleNormalised article = classified.article();
        url = article.url() != null ? article.url() : url;
        finalUrl = article.finalUrl();
        title = article.title();
        text = article.text();
        html = article.html();
        author = article.author();
        language = article.language();
        publishedAt = StorePrecision.of(article.publishedAt());
        topics = labels(classified.topics());
        regions = labels(classified.regions());
        topic = topics.isEmpty() ? null : topics.get(0).code();
        region = regions.isEmpty() ? null : regions.get(0).code();
        classifiedAt = incoming;
        updatedAt = now;
        return true;
    }

    private static List<Label> labels(List<Label> labels) {
        return labels == null ? List.of() : List.copyOf(labels);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String finalUrl() {
        return finalUrl;
    }

    public String submissionId() {
        return submissionId;
    }

    public ArticleStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String author() {
        return author;
    }

    public String language() {
        return language;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<Label> topics() {
        return topics;
    }

    public List<Label> regions() {
        return regions;
    }

    public String topic() {
        return topic;
    }

    public String region() {
        return region;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
