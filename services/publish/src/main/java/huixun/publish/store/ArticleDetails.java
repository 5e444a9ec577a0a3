package huixun.publish.store;

import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What a classification says about an article beyond its title, body and topics (V3 migration): people, keywords,
 * its duplicate cluster, the feed that submitted it and the page's own metadata. The same columns sit on
 * {@code article} (the current content) and {@code article_version}; both embed this.
 */
@Embeddable
public class ArticleDetails {
    private static final String JSONB_WRITE = "cast(cast(? as text) as jsonb)";
    private static final LabelsColumn LABELS = new LabelsColumn();
    private static final StringsColumn STRINGS = new StringsColumn();
    // Native SQL (the version upsert) names these columns once, here, in this order.
    private static final List<SqlColumn> COLUMNS = List.of(
            new SqlColumn("people", "jsonb", d -> LABELS.convertToDatabaseColumn(d.people)),
            new SqlColumn("keywords", "jsonb", d -> LABELS.convertToDatabaseColumn(d.keywords)),
            new SqlColumn("simhash", "text", d -> d.simhash),
            new SqlColumn("content_hash", "text", d -> d.contentHash),
            new SqlColumn("duplicate_of", "text", d -> d.duplicateOf),
            new SqlColumn("origin_feed_id", "text", d -> d.originFeedId),
            new SqlColumn("origin_feed_url", "text", d -> d.originFeedUrl),
            new SqlColumn("origin_feed_title", "text", d -> d.originFeedTitle),
            new SqlColumn("categories", "jsonb", d -> STRINGS.convertToDatabaseColumn(d.categories)),
            new SqlColumn("lead_image", "text", d -> d.leadImage),
            new SqlColumn("modified_at", "timestamptz", d -> d.modifiedAt),
            new SqlColumn("canonical_url", "text", d -> d.canonicalUrl),
            new SqlColumn("description", "text", d -> d.description),
            new SqlColumn("site_categories", "jsonb", d -> STRINGS.convertToDatabaseColumn(d.siteCategories)),
            new SqlColumn("editor", "text", d -> d.editor),
            new SqlColumn("original_title", "text", d -> d.originalTitle),
            new SqlColumn("source_name", "text", d -> d.sourceName),
            new SqlColumn("script", "text", d -> d.script),
            new SqlColumn("text_original", "text", d -> d.textOriginal));

    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(people as text)", write = JSONB_WRITE)
    private List<Label> people;
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(read = "cast(keywords as text)", write = JSONB_WRITE)
    private List<Label> keywords;
    private String simhash;
    @Column(name = "content_hash")
    private String contentHash;
    @Column(name = "duplicate_of")
    private String duplicateOf;
    @Column(name = "origin_feed_id")
    private String originFeedId;
    @Column(name = "origin_feed_url")
    private String originFeedUrl;
    @Column(name = "origin_feed_title")
    private String originFeedTitle;
    @Convert(converter = StringsColumn.class)
    @ColumnTransformer(read = "cast(categories as text)", write = JSONB_WRITE)
    private List<String> categories;
    @Column(name = "lead_image")
    private String leadImage;
    @Column(name = "modified_at")
    private Instant modifiedAt;
    @Column(name = "canonical_url")
    private String canonicalUrl;
    private String description;
    @Convert(converter = StringsColumn.class)
    @Column(name = "site_categories")
    @ColumnTransformer(read = "cast(site_categories as text)", write = JSONB_WRITE)
    private List<String> siteCategories;
    private String editor;
    @Column(name = "original_title")
    private String originalTitle;
    @Column(name = "source_name")
    private String sourceName;
    private String script;
    @Column(name = "text_original")
    private String textOriginal;

    protected ArticleDetails() {
        // for Hibernate
    }

    static ArticleDetails of(ArticleClassified classified) {
        ArticleNormalised a = classified.article();
        ArticleDetails details = new ArticleDetails();
        details.people = List.copyOf(classified.people());
        details.keywords = List.copyOf(classified.keywords());
        details.simhash = classified.simhash();
        details.contentHash = classified.contentHash();
        details.duplicateOf = classified.duplicateOf();
        Origin origin = a.origin();
        details.originFeedId = origin == null ? null : origin.feedId();
        details.originFeedUrl = origin == null ? null : origin.feedUrl();
        details.originFeedTitle = origin == null ? null : origin.feedTitle();
        details.categories = origin == null ? List.of() : List.copyOf(origin.categories());
        details.leadImage = a.leadImage();
        details.modifiedAt = StorePrecision.of(a.updatedAt());
        details.canonicalUrl = a.canonicalUrl();
        details.description = a.description();
        details.siteCategories = List.copyOf(a.siteCategories());
        details.editor = a.editor();
        details.originalTitle = a.originalTitle();
        details.sourceName = a.sourceName();
        details.script = a.script();
        details.textOriginal = a.textOriginal();
        return details;
    }

    /** The columns, in order, for a native INSERT of these fields. */
    static String insertColumns() {
        StringJoiner names = new StringJoiner(", ");
        COLUMNS.forEach(column -> names.add(column.name()));
        return names.toString();
    }

    /** The typed, null-safe parameters matching {@link #insertColumns()}; {@link #bind} fills them. */
    static String insertValues() {
        StringJoiner values = new StringJoiner(", ");
        COLUMNS.forEach(column -> values.add(column.type().equals("jsonb")
                ? "cast(cast(:d_" + column.name() + " as text) as jsonb)"
                : "cast(:d_" + column.name() + " as " + column.type() + ")"));
        return values.toString();
    }

    /** {@code column = excluded.column} for every column, for ON CONFLICT … DO UPDATE. */
    static String updateFromExcluded() {
        StringJoiner set = new StringJoiner(", ");
        COLUMNS.forEach(column -> set.add(column.name() + " = excluded." + column.name()));
        return set.toString();
    }

    /** Binds the parameters {@link #insertValues()} names. */
    void bind(Mutiny.AbstractQuery query) {
        COLUMNS.forEach(column -> query.setParameter("d_" + column.name(), column.value().apply(this)));
    }

    /** A column of these fields for native SQL: its name, SQL type and the value bound for it. */
    private record SqlColumn(String name, String type, Function<ArticleDetails, Object> value) {
    }

    public List<Label> people() {
        return people == null ? List.of() : people;
    }

    public List<Label> keywords() {
        return keywords == null ? List.of() : keywords;
    }

    public String simhash() {
        return simhash;
    }

    public String contentHash() {
        return contentHash;
    }

    /** The article this one nearly duplicates, or null. */
    public String duplicateOf() {
        return duplicateOf;
    }

    /** The feed subscription that submitted the article, or null when a person did. */
    public Origin origin() {
        if (originFeedId == null && originFeedUrl == null && (categories == null || categories.isEmpty())) {
            return null;
        }
        return new Origin(originFeedId, originFeedUrl, originFeedTitle, categories);
    }

    /** The feed subscription's labels, broadest first (group, source, feed); empty when none. */
    public List<String> categories() {
        return categories == null ? List.of() : categories;
    }

    public String leadImage() {
        return leadImage;
    }

    /** When the page says it was last updated, or null. */
    public Instant modifiedAt() {
        return modifiedAt;
    }

    public String canonicalUrl() {
        return canonicalUrl;
    }

    public String description() {
        return description;
    }

    public List<String> siteCategories() {
        return siteCategories == null ? List.of() : siteCategories;
    }

    public String editor() {
        return editor;
    }

    public String originalTitle() {
        return originalTitle;
    }

    public String sourceName() {
        return sourceName;
    }

    /** ISO 15924 script of a Chinese page (Hans, Hant), or null. */
    public String script() {
        return script;
    }

    /** The body in the page's own script, or null from producers that did not send it. */
    public String textOriginal() {
        return textOriginal;
    }
}
