package huixun.publish.store;

import huixun.contracts.events.Label;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;

/**
 * One classification of an article, kept when a refetch brings a newer one. Written only by {@link ArticleStore}
 * (insert, or update in place by a newer classification of the same submission); read here.
 */
@Entity
@Table(name = "article_version")
public class ArticleVersion {
    @Id
    private Long id;
    @Column(name = "article_id")
    private String articleId;
    private int version;
    @Column(name = "submission_id")
    private String submissionId;
    private String url;
    @Column(name = "final_url")
    private String finalUrl;
    private String title;
    private String text;
    private String html;
    private String author;
    private String language;
    @Column(name = "published_at")
    private Instant publishedAt;
    // As in Article: jsonb crosses as text.
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(topics as text)", write = "cast(cast(? as text) as jsonb)")
    private List<Label> topics;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(regions as text)", write = "cast(cast(? as text) as jsonb)")
    private List<Label> regions;
    @Column(name = "classified_at")
    private Instant classifiedAt;
    @Column(name = "stored_at")
    private Instant storedAt;
    @Embedded
    private ArticleDetails details;

    protected ArticleVersion() {
        // for Hibernate
    }

    public String articleId() {
        return articleId;
    }

    public int version() {
        return version;
    }

    public String submissionId() {
        return submissionId;
    }

    public String url() {
        return url;
    }

    public String finalUrl() {
        return finalUrl;
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

    public Instant classifiedAt() {
        return classifiedAt;
    }

    public Instant storedAt() {
        return storedAt;
    }

    public ArticleDetails details() {
        return details != null ? details : new ArticleDetails();
    }
}
