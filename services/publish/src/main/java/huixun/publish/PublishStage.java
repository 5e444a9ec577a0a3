package huixun.publish;

import huixun.contracts.ArticleId;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.StatusChanged;
import huixun.pipeline.metrics.StageMetrics;
import huixun.publish.config.PublishConfig;
import huixun.publish.store.ArticleStore;
import huixun.publish.store.StoreUnavailableException;
import huixun.publish.store.TransientFailure;
import huixun.publish.stream.PublishedArticles;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The publish service's one Kafka entry point.
 *
 * <p>Consumes {@value Topics#ARTICLES_CLASSIFIED} (stores the article's content and appends PUBLISHED, stage
 * {@value ArticleStore#STAGE}, for its submission) and {@value Topics#STATUSES_CHANGED} (appends every stage's
 * status to the article's timeline). Produces nothing: the store is publish's outcome, so PUBLISHED goes straight
 * into it rather than round through statuses-changed.
 *
 * <p>Each message is one store transaction, and the returned {@code Uni} completes after the commit, so the offset
 * is committed only then. Failures:
 * <ul>
 *   <li>a transient store failure ({@link TransientFailure}) is retried with backoff; if it outlasts the retries the
 *       message fails with {@link StoreUnavailableException} and the channel stops, leaving it for redelivery
 *       ({@link DeadLetterUnlessStoreDown});</li>
 *   <li>anything else (an unreadable or invalid event, a constraint the data breaks, a bug) is dead-lettered; an
 *       ArticleClassified that cannot be stored also records FAILED with reason {@code processing_error}, so its
 *       submission does not stay CLASSIFIED for ever.</li>
 * </ul>
 */
@ApplicationScoped
public class PublishStage {
    private final ArticleStore store;
    private final StageMetrics metrics;
    private final Vertx vertx;
    private final PublishConfig.Store retry;
    private final PublishedArticles published;

    public PublishStage(ArticleStore store, StageMetrics metrics, Vertx vertx, PublishConfig config,
                        PublishedArticles published) {
        this.store = store;
        this.published = published;
        this.metrics = metrics;
        this.vertx = vertx;
        this.retry = config.store();
    }

    @Incoming(Topics.ARTICLES_CLASSIFIED)
    public Uni<Void> onClassified(ArticleClassified classified) {
        long started = System.nanoTime();
        Timer.Sample sample = metrics.start();
        String articleId = classified == null ? null : classified.articleId();
        return inStore(Topics.ARTICLES_CLASSIFIED, articleId, () -> store.publish(requireValid(classified)))
                .invoke(stored -> {
                    metrics.record(sample, StageMetrics.PROCESSED);
                    Log.infof("article=%s submission=%s stage=%s status=%s content=%s ms=%d",
                            classified.articleId(), classified.submissionId(), ArticleStore.STAGE, stored.shown(),
                            stored.contentChanged() ? "stored" : "unchanged", elapsedMillis(started));
                    if (stored.contentChanged()) {
                        // The transaction has committed: a stream subscriber that reads the article finds it.
                        published.announce(classified.articleId());
                    }
                })
                .onFailure(StoreUnavailableException.class).invoke(failure ->
                        logRedelivery(Topics.ARTICLES_CLASSIFIED, articleId, failure))
                .onFailure(PublishStage::isPoison).call(failure -> {
                    metrics.record(sample, StageMetrics.DEAD_LETTERED);
                    Log.errorf(failure, "channel=%s article=%s outcome=dead_lettered", Topics.ARTICLES_CLASSIFIED,
                            articleId);
                    return recordProcessingError(classified);
                })
                .replaceWithVoid();
    }

    @Incoming(Topics.STATUSES_CHANGED)
    public Uni<Void> onStatus(StatusChanged status) {
        Timer.Sample sample = metrics.start();
        String articleId = status == null ? null : status.articleId();
        return inStore(Topics.STATUSES_CHANGED, articleId, () -> store.record(requireValid(status)))
                .invoke(stored -> {
                    metrics.record(sample, StageMetrics.PROCESSED);
                    Log.debugf("article=%s submission=%s status=%s from=%s outcome=%s shown=%s",
                            status.articleId(), status.submissionId(), status.status(), status.stage(),
                            stored.newStatus() ? "recorded" : "known", stored.shown());
                })
                .onFailure(StoreUnavailableException.class).invoke(failure ->
                        logRedelivery(Topics.STATUSES_CHANGED, articleId, failure))
                .onFailure(PublishStage::isPoison).invoke(failure -> {
                    metrics.record(sample, StageMetrics.DEAD_LETTERED);
                    Log.errorf(failure, "channel=%s article=%s outcome=dead_lettered", Topics.STATUSES_CHANGED,
                            articleId);
                })
                .replaceWithVoid();
    }

    /**
     * Runs one store transaction on a Vert.x context (Hibernate Reactive refuses any other thread) and retries it
     * while it fails transiently. Every attempt, including those the backoff timer starts, is subscribed on the same
     * duplicated context: the message's own when the connector delivered it on one.
     */
    private <T> Uni<T> inStore(String channel, String articleId, Supplier<Uni<? extends T>> transaction) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        Uni<T> attempt = Uni.createFrom().<T>deferred(transaction).runSubscriptionOn(onContext);
        if (retry.retries() > 0) {
            attempt = attempt
                    .onFailure(TransientFailure::matches).invoke(failure ->
                            Log.warnf("channel=%s article=%s outcome=retry cause=%s", channel, articleId, failure))
                    .onFailure(TransientFailure::matches).retry()
                    .withBackOff(retry.firstBackoff(), retry.maxBackoff()).atMost(retry.retries());
        }
        return attempt.onFailure(TransientFailure::matches)
                .transform(failure -> new StoreUnavailableException("store unavailable: " + failure, failure));
    }

    private static void logRedelivery(String channel, String articleId, Throwable failure) {
        Log.errorf("channel=%s article=%s outcome=redelivery cause=%s: the store stayed unavailable through the"
                + " retries, so the channel stops and the message will be delivered again", channel, articleId,
                failure.getCause());
    }

    private static boolean isPoison(Throwable failure) {
        return !(failure instanceof StoreUnavailableException);
    }

    /** Marks the submission FAILED so it does not look in progress for ever; logs, never fails, if it cannot. */
    private Uni<Void> recordProcessingError(ArticleClassified classified) {
        if (classified == null || !ArticleId.isValid(classified.articleId()) || isBlank(classified.submissionId())) {
            return Uni.createFrom().voidItem(); // nothing names the submission to mark
        }
        String url = classified.article() == null ? null : classified.article().url();
        StatusChanged failed = StatusChanged.failed(classified, url, ArticleStore.STAGE,
                FailureReason.PROCESSING_ERROR, "publish could not store the article; it went to "
                        + Topics.deadLetter(Topics.ARTICLES_CLASSIFIED));
        return inStore(Topics.ARTICLES_CLASSIFIED, classified.articleId(), () -> store.record(failed))
                .replaceWithVoid()
                .onFailure().invoke(e -> Log.errorf(e, "article=%s stage=%s could not record FAILED %s",
                        classified.articleId(), ArticleStore.STAGE, FailureReason.PROCESSING_ERROR))
                .onFailure().recoverWithNull();
    }

    private static ArticleClassified requireValid(ArticleClassified event) {
        if (event == null) {
            throw new IllegalArgumentException("unreadable record: no ArticleClassified");
        }
        requireIds(event.articleId(), event.submissionId());
        if (event.article() == null || !event.articleId().equals(event.article().articleId())) {
            throw new IllegalArgumentException("article " + event.articleId() + ": no article of that id inside");
        }
        if (event.classifiedAt() == null) {
            throw new IllegalArgumentException("article " + event.articleId() + ": no classifiedAt");
        }
        return event;
    }

    private static StatusChanged requireValid(StatusChanged event) {
        if (event == null) {
            throw new IllegalArgumentException("unreadable record: no StatusChanged");
        }
        requireIds(event.articleId(), event.submissionId());
        if (event.status() == null || isBlank(event.stage()) || event.at() == null) {
            throw new IllegalArgumentException("article " + event.articleId() + ": status, stage and at are required");
        }
        return event;
    }

    private static void requireIds(String articleId, String submissionId) {
        if (!ArticleId.isValid(articleId)) {
            throw new IllegalArgumentException("not an article id: " + articleId);
        }
        if (isBlank(submissionId)) {
            throw new IllegalArgumentException("article " + articleId + ": no submission id");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
