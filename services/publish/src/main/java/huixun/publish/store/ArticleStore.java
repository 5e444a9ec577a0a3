package huixun.publish.store;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.StatusChanged;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes articles and their timelines. Every write is one transaction that inserts the article row if it is absent
 * and then locks it, so one article's events apply one after another even when both consumers (or two instances)
 * handle them at the same moment, and appends to the timeline at most once per (submission, status): the same event
 * delivered twice leaves the store as it was. The status the article shows is then re-derived from the whole
 * timeline ({@link StatusTimeline}).
 */
@ApplicationScoped
public class ArticleStore {
    /** The stage name publish writes into the timeline for PUBLISHED. */
    public static final String STAGE = "publish";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO article (id, url, submission_id, status, status_at, created_at, updated_at)
            VALUES (:id, :url, :submission, :status, :at, :now, :now)
            ON CONFLICT (id) DO NOTHING""";

    private final ArticleRepository articles;
    private final StatusEntryRepository timeline;

    public ArticleStore(ArticleRepository articles, StatusEntryRepository timeline) {
        this.articles = articles;
        this.timeline = timeline;
    }

    /** Appends a status a stage reported to the timeline, creating the article when it is the first news of it. */
    @WithTransaction
    public Uni<Stored> record(StatusChanged event) {
        Instant now = StorePrecision.of(Instant.now());
        StatusEntry entry = StatusEntry.of(event);
        return lock(entry, event.url(), now).chain(article -> append(article, entry, false, now));
    }

    /**
     * Stores a classified article's content (unless a newer classification is already stored) and appends
     * PUBLISHED for its submission.
     */
    @WithTransaction
    public Uni<Stored> publish(ArticleClassified classified) {
        Instant now = StorePrecision.of(Instant.now());
        StatusEntry published = new StatusEntry(classified.articleId(), classified.submissionId(),
                ArticleStatus.PUBLISHED, STAGE, null, null, now);
        return lock(published, classified.article().url(), now)
                .chain(article -> append(article, published, article.takeContent(classified, now), now));
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
