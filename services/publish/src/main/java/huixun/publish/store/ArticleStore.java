package huixun.publish.store;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.StatusChanged;
import huixun.publish.search.SearchText;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes articles and their timelines. Every write is one transaction that inserts the article row if it is absent
 * and then locks it, so one article's events apply one after another even when both consumers (or two instances)
 * handle them at the same moment, and appends to the timeline at most once per (submission, status): the same event
 * delivered twice leaves the store as it was. The status the article shows is then re-derived from the whole
 * timeline ({@link StatusTimeline}). A classification is also kept as a version (one per submission, numbered in
 * the order stored); the article shows the newest by classification time and its search lexemes are rebuilt when
 * it changes.
 */
@ApplicationScoped
public class ArticleStore {
    /** The stage name publish writes into the timeline for PUBLISHED. */
    public static final String STAGE = "publish";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO article (id, url, submission_id, status, status_at, created_at, updated_at)
            VALUES (:id, :url, :submission, :status, :at, :now, :now)
            ON CONFLICT (id) DO NOTHING""";

    // Runs under the article's row lock, so max + 1 cannot race. Parameters that may be null are cast: the reactive
    // client cannot infer the type of a null. JSON crosses as text: bound straight to jsonb, the client
    // would store a String as a JSON string, not parse it.
    private static final String UPSERT_VERSION = """
            INSERT INTO article_version (article_id, version, submission_id, url, final_url, title, text, html, author,
                                         language, published_at, topics, regions, classified_at, stored_at, %s)
            VALUES (:id, (SELECT coalesce(max(version), 0) + 1 FROM article_version WHERE article_id = :id),
                    :submission, cast(:url as text), cast(:finalUrl as text), cast(:title as text),
                    cast(:text as text), cast(:html as text), cast(:author as text), cast(:language as text),
                    cast(:publishedAt as timestamptz), cast(cast(:topics as text) as jsonb),
                    cast(cast(:regions as text) as jsonb), :classifiedAt, :now, %s)
            ON CONFLICT (article_id, submission_id) DO UPDATE SET
                url = excluded.url, final_url = excluded.final_url, title = excluded.title, text = excluded.text,
                html = excluded.html, author = excluded.author, language = excluded.language,
                published_at = excluded.published_at, topics = excluded.topics, regions = excluded.regions,
                classified_at = excluded.classified_at, stored_at = excluded.stored_at, %s
            WHERE article_version.classified_at < excluded.classified_at""".formatted(ArticleDetails.insertColumns(),
            ArticleDetails.insertValues(), ArticleDetails.updateFromExcluded());

    private static final String VERSION_OF_SUBMISSION = """
            SELECT version FROM article_version WHERE article_id = :id AND submission_id = :submission""";

    // Title lexemes weigh more (A) than body ones (D) for ranking; see huixun.publish.search.SearchText.
    private static final String INDEX_FOR_SEARCH = """
            UPDATE article SET search =
                setweight(to_tsvector('english', :titleLatin), 'A')
                || setweight(array_to_tsvector(string_to_array(:titleCjk, ' ')), 'A')
                || to_tsvector('english', :textLatin)
                || array_to_tsvector(string_to_array(:textCjk, ' '))
            WHERE id = :id""";

    // The status path below is plain SQL on the reactive pool, not Hibernate: four of an article's five events are
    // statuses, and loading, dirty-checking and writing back the whole article entity for each was most of
    // publish's Hibernate work (JFR under ./huixun bench, 2026-11).
    private static final String INSERT_IF_ABSENT_POSITIONAL = """
            INSERT INTO article (id, url, submission_id, status, status_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6)
            ON CONFLICT (id) DO NOTHING""";

    private static final String LOCK_SHOWN = """
            SELECT url, submission_id, status, reason, detail, status_at FROM article WHERE id = $1 FOR UPDATE""";

    // One round trip: the entry is inserted unless the timeline has it (a redelivery), and the whole timeline comes
    // back in arrival order with the new row marked. The outer SELECT does not see the CTE's insert (one snapshot),
    // hence the UNION; the article's row lock keeps other writers of this timeline out meanwhile.
    private static final String APPEND_AND_READ_TIMELINE = """
            WITH added AS (
                INSERT INTO article_status (article_id, submission_id, status, stage, reason, detail, at, trace_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (submission_id, status) DO NOTHING
                RETURNING id, submission_id, status, stage, reason, detail, at, trace_id, true AS added)
            SELECT id, submission_id, status, stage, reason, detail, at, trace_id, false AS added
            FROM article_status WHERE article_id = $1
            UNION ALL
            SELECT * FROM added
            ORDER BY id""";

    private static final String SHOW = """
            UPDATE article SET url = coalesce(url, $2), submission_id = $3, status = $4, reason = $5, detail = $6,
                               status_at = $7, updated_at = $8
            WHERE id = $1""";

    private final ArticleRepository articles;
    private final StatusEntryRepository timeline;
    private final Pool pool;

    public ArticleStore(ArticleRepository articles, StatusEntryRepository timeline, Pool pool) {
        this.articles = articles;
        this.timeline = timeline;
        this.pool = pool;
    }

    /**
     * Appends a status a stage reported to the timeline, creating the article when it is the first news of it, in
     * one transaction of four statements.
     */
    public Uni<Stored> record(StatusChanged event) {
        Instant now = StorePrecision.of(Instant.now());
        StatusEntry entry = StatusEntry.of(event);
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_IF_ABSENT_POSITIONAL)
                .execute(parameters(entry.articleId(), event.url(), entry.submissionId(), entry.status().name(),
                        utc(entry.at()), utc(now)))
                .chain(() -> connection.preparedQuery(LOCK_SHOWN).execute(Tuple.of(entry.articleId())))
                .map(rows -> Shown.of(rows.iterator().next()))
                .chain(shown -> appendStatus(connection, shown, entry, event.url(), now)));
    }

    private Uni<Stored> appendStatus(SqlConnection connection, Shown before, StatusEntry entry, String url,
                                     Instant now) {
        return connection.preparedQuery(APPEND_AND_READ_TIMELINE)
                .execute(parameters(entry.articleId(), entry.submissionId(), entry.status().name(), entry.stage(),
                        entry.reason(), entry.detail(), utc(entry.at()), entry.traceId()))
                .chain(rows -> {
                    List<StatusEntry> all = new ArrayList<>(rows.size());
                    boolean added = false;
                    for (Row row : rows) {
                        added |= row.getBoolean("added");
                        all.add(new StatusEntry(entry.articleId(), row.getString("submission_id"),
                                ArticleStatus.valueOf(row.getString("status")), row.getString("stage"),
                                row.getString("reason"), row.getString("detail"),
                                row.getOffsetDateTime("at").toInstant(), row.getString("trace_id")));
                    }
                    if (!added) {
                        return Uni.createFrom().item(new Stored(before.status(), before.submissionId(), false,
                                false));
                    }
                    StatusEntry shown = StatusTimeline.shown(all);
                    Stored stored = new Stored(shown.status(), shown.submissionId(), true, false);
                    if (before.shows(shown) && (before.url() != null || url == null)) {
                        return Uni.createFrom().item(stored);
                    }
                    return connection.preparedQuery(SHOW)
                            .execute(parameters(entry.articleId(), url, shown.submissionId(), shown.status().name(),
                                    shown.reason(), shown.detail(), utc(shown.at()), utc(now)))
                            .replaceWith(stored);
                });
    }

    private static Tuple parameters(Object... values) {
        return Tuple.from(Arrays.asList(values)); // with nulls: PostgreSQL types each parameter from its column
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The status columns of a locked article row, and its URL. */
    private record Shown(String url, String submissionId, ArticleStatus status, String reason, String detail,
                         Instant at) {
        static Shown of(Row row) {
            return new Shown(row.getString("url"), row.getString("submission_id"),
                    ArticleStatus.valueOf(row.getString("status")), row.getString("reason"), row.getString("detail"),
                    StorePrecision.of(row.getOffsetDateTime("status_at").toInstant()));
        }

        /** Whether the row already shows {@code entry}, as {@link Article#show} decides. */
        boolean shows(StatusEntry entry) {
            return Objects.equals(submissionId, entry.submissionId()) && status == entry.status()
                    && Objects.equals(reason, entry.reason()) && Objects.equals(detail, entry.detail())
                    && Objects.equals(at, entry.at());
        }
    }

    /**
     * Stores a classified article's content (unless a newer classification is already stored) and appends
     * PUBLISHED for its submission.
     */
    @WithTransaction
    public Uni<Stored> publish(ArticleClassified classified) {
        Instant now = StorePrecision.of(Instant.now());
        StatusEntry published = new StatusEntry(classified.articleId(), classified.submissionId(),
                ArticleStatus.PUBLISHED, STAGE, null, null, now, null);
        return lock(published, classified.article().url(), now)
                .chain(article -> storeVersion(classified, now).chain(version -> {
                    boolean changed = article.takeContent(classified, version, now);
                    Uni<Void> indexed = changed ? index(article) : Uni.createFrom().voidItem();
                    return indexed.chain(() -> append(article, published, changed, now));
                }));
    }

    /** Inserts the classification as a version (or updates its submission's one when newer); its number. */
    private Uni<Integer> storeVersion(ArticleClassified classified, Instant now) {
        ArticleNormalised a = classified.article();
        LabelsColumn labels = new LabelsColumn();
        return articles.getSession()
                .chain(session -> bound(session.<Object>createNativeQuery(UPSERT_VERSION),
                        ArticleDetails.of(classified))
                        .setParameter("id", classified.articleId())
                        .setParameter("submission", classified.submissionId())
                        .setParameter("url", a.url())
                        .setParameter("finalUrl", a.finalUrl())
                        .setParameter("title", a.title())
                        .setParameter("text", a.text())
                        .setParameter("html", a.html())
                        .setParameter("author", a.author())
                        .setParameter("language", a.language())
                        .setParameter("publishedAt", StorePrecision.of(a.publishedAt()))
                        .setParameter("topics", labels.convertToDatabaseColumn(classified.topics()))
                        .setParameter("regions", labels.convertToDatabaseColumn(classified.regions()))
                        .setParameter("classifiedAt", StorePrecision.of(classified.classifiedAt()))
                        .setParameter("now", now)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(VERSION_OF_SUBMISSION, Integer.class)
                                .setParameter("id", classified.articleId())
                                .setParameter("submission", classified.submissionId())
                                .getSingleResult()));
    }

    // setParameter changes the query in place, so the query keeps its own type for the calls that follow.
    private static <Q extends Mutiny.AbstractQuery> Q bound(Q query, ArticleDetails details) {
        details.bind(query);
        return query;
    }

    private Uni<Void> index(Article article) {
        SearchText.Split title = SearchText.forIndex(article.content().title());
        SearchText.Split text = SearchText.forIndex(article.content().text());
        return articles.getSession()
                .chain(session -> session.createNativeQuery(INDEX_FOR_SEARCH)
                        .setParameter("id", article.id())
                        .setParameter("titleLatin", title.latin())
                        .setParameter("titleCjk", title.cjkWords())
                        .setParameter("textLatin", text.latin())
                        .setParameter("textCjk", text.cjkWords())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Article> lock(StatusEntry first, String url, Instant now) {
        return articles.getSession()
                .chain(session -> session.createNativeQuery(INSERT_IF_ABSENT)
                        .setParameter("id", first.articleId())
                        .setParameter("url", url)
                        .setParameter("submission", first.submissionId())
                        .setParameter("status", first.status().name())
                        .setParameter("at", first.at())
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(() -> articles.findById(first.articleId(), LockModeType.PESSIMISTIC_WRITE))
                .invoke(article -> article.rememberUrl(url, now));
    }

    private Uni<Stored> append(Article article, StatusEntry entry, boolean contentChanged, Instant now) {
        return timeline.inArrivalOrder(article.id()).chain(entries -> {
            boolean known = entries.stream().anyMatch(e -> e.submissionId().equals(entry.submissionId())
                    && e.status() == entry.status());
            if (known) {
                return Uni.createFrom().item(new Stored(article.status(), article.submissionId(), false,
                        contentChanged));
            }
            List<StatusEntry> all = new ArrayList<>(entries);
            all.add(entry);
            article.show(StatusTimeline.shown(all), now);
            return timeline.persist(entry)
                    .replaceWith(() -> new Stored(article.status(), article.submissionId(), true, contentChanged));
        });
    }

    /**
     * What a write did.
     *
     * @param shown          the status the article shows afterwards
     * @param submissionId   the submission it shows
     * @param newStatus      whether the event's status was new to the timeline (false for a redelivery)
     * @param contentChanged whether the article's content was replaced
     */
    public record Stored(ArticleStatus shown, String submissionId, boolean newStatus, boolean contentChanged) {
    }
}
