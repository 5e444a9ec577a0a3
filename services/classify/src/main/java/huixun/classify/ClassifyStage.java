package huixun.classify;

import huixun.classify.duplicate.FingerprintStore;
import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.StatusChanged;
import huixun.pipeline.metrics.StageMetrics;
import huixun.pipeline.status.StatusReporter;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The classify stage. Consumes {@value Topics#ARTICLES_NORMALISED}; produces {@value Topics#ARTICLES_CLASSIFIED}
 * and a CLASSIFIED status. An article that cannot be labelled (a bug) gets a FAILED status with
 * {@code processing_error} and is dead-lettered. The offset is committed only once the article's fingerprint and
 * both events are acknowledged.
 */
@ApplicationScoped
public class ClassifyStage {
    private final ArticleLabeller labeller;
    private final MutinyEmitter<Record<String, ArticleClassified>> classified;
    private final FingerprintStore fingerprints;
    private final StatusReporter statuses;
    private final StageMetrics metrics;

    public ClassifyStage(ArticleLabeller labeller,
                         @Channel(Topics.ARTICLES_CLASSIFIED)
                         MutinyEmitter<Record<String, ArticleClassified>> classified,
                         FingerprintStore fingerprints, StatusReporter statuses, StageMetrics metrics) {
        this.labeller = labeller;
        this.classified = classified;
        this.fingerprints = fingerprints;
        this.statuses = statuses;
        this.metrics = metrics;
    }

    /**
     * CPU-bound: labelling runs on the bounded {@code classification} worker pool, sized in application.properties.
     * Unordered, so the pool's threads work side by side and one article is labelled while another's events wait
     * for the broker; the connector's throttled commit strategy still commits a partition only up to its first
     * unfinished record, and the fingerprint index is synchronised.
     */
    @Incoming(Topics.ARTICLES_NORMALISED)
    @Blocking(value = "classification", ordered = false)
    public Uni<Void> on(ArticleNormalised article) {
        Timer.Sample sample = metrics.start();
        Uni<Void> outcome;
        try {
            outcome = publish(article, labeller.label(article))
                    .invoke(() -> metrics.record(sample, StageMetrics.PROCESSED));
        } catch (RuntimeException e) {
            outcome = Uni.createFrom().failure(e);
        }
        // Labelling and sending alike: whatever fails, the submission is told before the record is dead-lettered.
        return outcome.onFailure().recoverWithUni(failure -> deadLetter(article, sample, failure));
    }

    private Uni<Void> publish(ArticleNormalised article, ArticleLabeller.Labelled labelled) {
        ArticleClassified event = labelled.event();
        Log.infof("article=%s stage=classify topics=%s regions=%s people=%d duplicate_of=%s", article.articleId(),
                event.topics().stream().map(Label::code).toList(), event.regions().stream().map(Label::code).toList(),
                event.people().size(), event.duplicateOf());
        // The fingerprint is stored before the article goes on, so a restart after the send still knows it.
        return fingerprints.persist(labelled.fingerprint())
                .chain(() -> classified.send(Record.of(article.articleId(), event)))
                .chain(() -> statuses.report(
                        StatusChanged.reached(article, article.url(), ArticleStatus.CLASSIFIED, metrics.stage())));
    }

    /** Reports processing_error, then fails so the connector sends the record to the dead-letter topic. */
    private Uni<Void> deadLetter(ArticleNormalised article, Timer.Sample sample, Throwable failure) {
        Log.errorf(failure, "article=%s stage=classify outcome=dead_lettered", article.articleId());
        metrics.record(sample, StageMetrics.DEAD_LETTERED);
        return statuses.report(StatusChanged.failed(article, article.url(), metrics.stage(),
                        FailureReason.PROCESSING_ERROR, failure.toString()))
                .onItemOrFailure().transformToUni((ignored, reportFailure) -> Uni.createFrom().failure(failure));
    }
}
