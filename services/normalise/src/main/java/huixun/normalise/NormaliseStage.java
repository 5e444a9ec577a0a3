package huixun.normalise;

import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.normalise.extract.ArticleExtractor;
import huixun.normalise.extract.Extraction;
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

import java.time.Instant;

/**
 * The normalise stage. Consumes {@value Topics#PAGES_FETCHED}, extracts the article and produces
 * {@value Topics#ARTICLES_NORMALISED} keyed by article id, then a NORMALISED status. Failure reasons:
 * {@code not_an_article} when the page holds no article text, {@code timeout} or {@code too_large} when its
 * extraction went over the time or memory a page may take (FAILED status, the record is acknowledged);
 * {@code processing_error} for anything unexpected (FAILED status, the record is nacked to
 * {@code pages-fetched-dlq}). The record is acknowledged only after the outcome reached the broker.
 */
@ApplicationScoped
public class NormaliseStage {
    static final String STAGE = "normalise";

    private final ArticleExtractor extractor;
    private final MutinyEmitter<Record<String, ArticleNormalised>> articles;
    private final StatusReporter statuses;
    private final StageMetrics metrics;

    NormaliseStage(ArticleExtractor extractor,
                   @Channel(Topics.ARTICLES_NORMALISED) MutinyEmitter<Record<String, ArticleNormalised>> articles,
                   StatusReporter statuses, StageMetrics metrics) {
        this.extractor = extractor;
        this.articles = articles;
        this.statuses = statuses;
        this.metrics = metrics;
    }

    /**
     * Extraction is CPU-bound: it runs on the bounded {@code extraction} worker pool, never on the event loop.
     * Unordered, so one page is extracted while the previous one's events wait for the broker and both cores work;
     * the connector's throttled commit strategy still commits a partition only up to its first unfinished record.
     * Order between pages does not matter downstream: publish orders an article's classifications by time.
     */
    @Incoming(Topics.PAGES_FETCHED)
    @Blocking(value = "extraction", ordered = false)
    public Uni<Void> normalise(PageFetched page) {
        Timer.Sample sample = metrics.start();
        if (page == null) {
            metrics.record(sample, StageMetrics.DEAD_LETTERED);
            return Uni.createFrom().failure(new IllegalArgumentException("record without a value"));
        }
        Uni<Void> outcome;
        try {
            Extraction extraction = extractor.extract(page.html(), page.finalUrl() != null ? page.finalUrl()
                    : page.url());
            if (extraction instanceof Extraction.Article article) {
                outcome = publish(page, article).invoke(() -> metrics.record(sample, StageMetrics.PROCESSED));
            } else if (extraction instanceof Extraction.NoArticle none) {
                outcome = fail(page, sample, FailureReason.NOT_AN_ARTICLE, none.detail());
            } else {
                Extraction.OverLimit over = (Extraction.OverLimit) extraction;
                Log.warnf("article=%s stage=%s outcome=failed reason=%s detail=\"%s\"", page.articleId(), STAGE,
                        over.reason(), over.detail());
                outcome = fail(page, sample, over.reason(), over.detail());
            }
        } catch (RuntimeException e) {
            outcome = Uni.createFrom().failure(e);
        }
        return outcome.onFailure().recoverWithUni(failure -> deadLetter(page, sample, failure));
    }

    /** An expected failure: FAILED status, and the record is acknowledged (not dead-lettered). */
    private Uni<Void> fail(PageFetched page, Timer.Sample sample, String reason, String detail) {
        return statuses.report(StatusChanged.failed(page, page.url(), STAGE, reason, detail))
                .invoke(() -> metrics.record(sample, StageMetrics.FAILED));
    }

    private Uni<Void> publish(PageFetched page, Extraction.Article article) {
        ArticleNormalised normalised = new ArticleNormalised(ArticleNormalised.SCHEMA_VERSION, page.articleId(),
                page.submissionId(), page.url(), page.finalUrl(), article.title(), article.text(), article.html(),
                article.publishedAt(), article.author(), article.language(), Instant.now(), article.textOriginal(),
                article.script(), article.editor(), article.originalTitle(), article.sourceName(),
                article.updatedAt(), article.canonicalUrl(), article.leadImage(), article.description(),
                article.siteCategories(), article.provenance(), page.origin());
        Log.debugf("article=%s stage=%s chars=%d language=%s published=%s", page.articleId(), STAGE,
                article.text().length(), article.language(), article.publishedAt());
        return articles.send(Record.of(page.articleId(), normalised))
                .chain(() -> statuses.report(StatusChanged.reached(page, page.url(), ArticleStatus.NORMALISED,
                        STAGE)));
    }

    /** Reports processing_error, then fails so the connector sends the record to the dead-letter topic. */
    private Uni<Void> deadLetter(PageFetched page, Timer.Sample sample, Throwable failure) {
        Log.errorf(failure, "article=%s stage=%s outcome=dead_lettered", page.articleId(), STAGE);
        metrics.record(sample, StageMetrics.DEAD_LETTERED);
        String detail = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return statuses.report(StatusChanged.failed(page, page.url(), STAGE, FailureReason.PROCESSING_ERROR, detail))
                .onFailure().invoke(reportFailure -> Log.errorf(reportFailure,
                        "article=%s stage=%s processing_error status not delivered", page.articleId(), STAGE))
                .onItemOrFailure().transformToUni((ignored, reportFailure) -> Uni.createFrom().failure(failure));
    }
}
