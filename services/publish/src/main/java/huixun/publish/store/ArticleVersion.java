package huixun.publish.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

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
    @Embedded
    private ArticleContent content;
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

    public ArticleContent content() {
        return content != null ? content : new ArticleContent();
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
