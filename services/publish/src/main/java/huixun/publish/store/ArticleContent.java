package huixun.publish.store;

import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.List;

/**
 * What a classification of an article shows a reader: its page, title, body and labels. The same columns sit on
 * {@code article} (the current content) and {@code article_version}; both embed this.
 */
@Embeddable
public class ArticleContent {
    // The reactive PostgreSQL client hands jsonb over as a parsed JSON value, and Hibernate Reactive binds JSON
    // only as an object, not an array: the labels cross as text and PostgreSQL converts.
    private static final String JSONB_WRITE = "cast(cast(? as text) as jsonb)";

    @Column(name = "final_url")
    private String finalUrl;
    private String title;
    private String text;
    private String html;
    private String author;
    private String language;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(topics as text)", write = JSONB_WRITE)
    private List<Label> topics;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(regions as text)", write = JSONB_WRITE)
    private List<Label> regions;

    protected ArticleContent() {
        // for Hibernate, and the content of an article not yet classified
    }

    static ArticleContent of(ArticleClassified classified) {
        ArticleNormalised article = classified.article();
        ArticleContent content = new ArticleContent();
        content.finalUrl = article.finalUrl();
        content.title = article.title();
        content.text = article.text();
        content.html = article.html();
        content.author = article.author();
        content.language = article.language();
        content.publishedAt = StorePrecision.of(article.publishedAt());
        content.topics = labels(classified.topics());
        content.regions = labels(classified.regions());
        return content;
    }

    private static List<Label> labels(List<Label> labels) {
        return labels == null ? List.of() : List.copyOf(labels);
    }

    /** The URL the page was fetched from after redirects. */
    public String finalUrl() {
        return finalUrl;
    }

    public String title() {
        return title;
    }

    /** The body as plain text, paragraphs separated by blank lines (Simplified for Chinese). */
    public String text() {
        return text;
    }

    /** The body as sanitised HTML. */
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

    /** Topic labels, best first; null before the article is classified. */
    public List<Label> topics() {
        return topics;
    }

    /** Region labels, best first; null before the article is classified. */
    public List<Label> regions() {
        return regions;
    }
}
