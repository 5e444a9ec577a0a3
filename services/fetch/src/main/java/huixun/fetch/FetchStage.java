package huixun.fetch;

import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.charset.CharsetDetector;
import huixun.fetch.charset.DecodedPage;
import huixun.fetch.http.FetchOutcome;
import huixun.fetch.http.PageClient;
import huixun.fetch.url.WebUrl;
import huixun.pipeline.metrics.StageMetrics;
import huixun.pipeline.status.StatusReporter;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * The fetch stage, the service's one Kafka entry point. Consumes {@value Topics#SUBMISSIONS_ACCEPTED}, fetches the
 * canonical URL with {@link PageClient}, decodes it with {@link CharsetDetector} and produces
 * {@value Topics#PAGES_FETCHED} (keyed by article id) followed by a FETCHED status.
 *
 * <p>Expected failures end the article FAILED and are acknowledged: {@code blocked_address}, {@code unknown_host},
 * {@code connection_failed}, {@code timeout}, {@code too_large} (also when the decoded page exceeds the broker's
 * record limit), {@code too_many_redirects}, {@code unsupported_content_type}, {@code invalid_url} (a redirect to a
 * malformed or non-HTTP URL) and {@code http_<status>}. Anything else is a bug or malformed input: the article ends
 * FAILED with {@code processing_error} and the record goes to {@code submissions-accepted-dlq}.
 *
 * <p>The returned {@code Uni} completes only once the outcome is acknowledged by the broker, so the offset is
 * committed after the outcome, never before.
 */
@ApplicationScoped
public class FetchStage {
    static final String STAGE = "fetch";

    private final PageClient client;
    private final WorkerExecutor worker;
    private final MutinyEmitter<Record<String, PageFetched>> pages;
    private final StatusReporter statuses;
    private final StageMetrics metrics;

    public FetchStage(PageClient client, WorkerExecutor worker,
                      @Channel(Topics.PAGES_FETCHED) MutinyEmitter<Record<String, PageFetched>> pages,
                      StatusReporter statuses, StageMetrics metrics) {
        this.client = client;
        this.worker = worker;
        this.pages = pages;
        this.statuses = statuses;
        this.metrics = metrics;
    }

    @Incoming(Topics.SUBMISSIONS_ACCEPTED)
    public Uni<Void> fetch(SubmissionAccepted submission) {
        Timer.Sample sample = metrics.start();
        long started = System.nanoTime();
        return Uni.createFrom().item(() -> WebUrl.parse(submission.canonicalUrl()))
                .flatMap(client::fetch)
                .flatMap(outcome -> outcome instanceof FetchOutcome.Fetched page
                        ? publish(submission, page, started)
                        : fail(submission, (FetchOutcome.Failed) outcome))
                .invoke(outcome -> metrics.record(sample, outcome))
                .onFailure().call(e -> deadLetter(submission, sample, e))
                .replaceWithVoid();
    }

    /** Decodes off the event loop, then writes the page and its FETCHED status; yields the metrics outcome. */
    private Uni<String> publish(SubmissionAccepted submission, FetchOutcome.Fetched page, long started) {
        return worker.executeBlocking(() -> CharsetDetector.decode(page.contentType(), page.body()), false)
                .flatMap(decoded -> {
                    PageFetched event = new PageFetched(submission.articleId(), submission.submissionId(),
                            submission.canonicalUrl(), page.finalUrl(), page.status(), page.contentType(),
                            decoded.charset().name(), Instant.now(), decoded.html());
                    return pages.send(Record.of(submission.articleId(), event))
                            .flatMap(sent -> statuses.report(StatusChanged.reached(event, submission.canonicalUrl(),
                                    ArticleStatus.FETCHED, STAGE)))
                            .invoke(() -> log(submission, page, decoded, started))
                            .replaceWith(StageMetrics.PROCESSED)
                            .onFailure(FetchStage::isTooLargeForBroker).recoverWithUni(e -> fail(submission,
                                    new FetchOutcome.Failed(FailureReason.TOO_LARGE, "The decoded page ("
                                            + decoded.html().length() + " characters) exceeds the broker's "
                                            + "record size limit: " + e.getMessage())));
                });
    }

    private Uni<String> fail(SubmissionAccepted submission, FetchOutcome.Failed failure) {
        return statuses.report(StatusChanged.failed(submission, submission.canonicalUrl(), STAGE, failure.reason(),
                failure.detail())).replaceWith(StageMetrics.FAILED);
    }

    /**
     * Reports the article FAILED so that it does not stay RECEIVED forever, then lets the failure through: the
     * message is nacked and the connector moves it to the dead-letter topic.
     */
    private Uni<Void> deadLetter(SubmissionAccepted submission, Timer.Sample sample, Throwable failure) {
        Log.errorf(failure, "article=%s stage=%s outcome=dead_lettered url=%s", submission.articleId(), STAGE,
                submission.canonicalUrl());
        metrics.record(sample, StageMetrics.DEAD_LETTERED);
        return statuses.report(StatusChanged.failed(submission, submission.canonicalUrl(), STAGE,
                        FailureReason.PROCESSING_ERROR, "The fetch stage could not process this submission: "
                                + failure.getClass().getSimpleName() + "; it was moved to the dead-letter topic."))
                .onFailure().invoke(e -> Log.errorf(e, "article=%s stage=%s processing_error status not written",
                        submission.articleId(), STAGE))
                .onFailure().recoverWithNull();
    }

    private static boolean isTooLargeForBroker(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static void log(SubmissionAccepted submission, FetchOutcome.Fetched page, DecodedPage decoded,
                            long started) {
        Log.infof("article=%s stage=%s outcome=fetched status=%d bytes=%d charset=%s final_url=%s ms=%d",
                submission.articleId(), STAGE, page.status(), page.body().length, decoded.charset().name(),
                page.finalUrl(), (System.nanoTime() - started) / 1_000_000);
    }
}
