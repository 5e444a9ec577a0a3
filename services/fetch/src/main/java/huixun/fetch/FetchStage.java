package huixun.fetch;

import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.pipeline.charset.CharsetDetector;
import huixun.pipeline.charset.DecodedPage;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.http.FetchOutcome;
import huixun.fetch.http.PageClient;
import huixun.fetch.http.RetryPolicy;
import huixun.fetch.politeness.HostScheduler;
import huixun.fetch.politeness.HostSlots;
import huixun.fetch.politeness.PolitenessPolicy;
import huixun.fetch.robots.RobotsCache;
import huixun.fetch.url.InvalidUrlException;
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
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fetch stage, the service's one Kafka entry point. Consumes {@value Topics#SUBMISSIONS_ACCEPTED} and hands
 * each submission to the {@link HostScheduler}: many hosts are fetched at once, each host one page at a time with
 * its politeness delay, which {@link HostSlots} keeps across restarts and replicas. A job checks robots.txt
 * ({@link RobotsCache}), fetches the canonical URL with {@link PageClient} (retrying transient failures,
 * {@link RetryPolicy}), decodes it with {@link CharsetDetector} and produces {@value Topics#PAGES_FETCHED} (keyed by
 * article id, carrying the submission's feed origin) followed by a FETCHED status.
 *
 * <p>Expected failures end the article FAILED and are acknowledged: {@code blocked_address}, {@code unknown_host},
 * {@code robots_disallowed}, {@code too_large} (also when the decoded page exceeds the broker's record limit),
 * {@code too_many_redirects}, {@code unsupported_content_type}, {@code invalid_url} (a redirect to a malformed or
 * non-HTTP URL) and {@code http_<status>}. A transient failure ({@code timeout}, {@code connection_failed},
 * {@code http_5xx}, {@code http_429}) still failing after the last attempt also ends FAILED, and the original
 * submission is written to {@code submissions-accepted-dlq} for a later replay. Anything else is a bug or
 * malformed input: the article ends FAILED with {@code processing_error} and the record is nacked, which moves it
 * to {@code submissions-accepted-dlq}.
 *
 * <p>Each record is acknowledged only once its outcome is acknowledged by the broker. Records finish out of order
 * (hosts differ in speed and delay); the connector's {@code throttled} commit strategy commits a partition's
 * offset only up to the first record not yet acknowledged, so nothing unfinished is ever committed.
 */
@ApplicationScoped
public class FetchStage {
    static final String STAGE = "fetch";
    /** Outgoing channel of {@code submissions-accepted-dlq}: submissions whose transient failures did not clear. */
    static final String DEAD_LETTERS = "submissions-dead-letter";

    private final PageClient client;
    private final WorkerExecutor worker;
    private final MutinyEmitter<Record<String, PageFetched>> pages;
    private final MutinyEmitter<Record<String, SubmissionAccepted>> deadLetters;
    private final StatusReporter statuses;
    private final StageMetrics metrics;
    private final RobotsCache robots;
    private final PolitenessPolicy politeness;
    private final HostScheduler scheduler;
    private final HostSlots slots;
    private final RetryPolicy retries;

    public FetchStage(PageClient client, WorkerExecutor worker,
                      @Channel(Topics.PAGES_FETCHED) MutinyEmitter<Record<String, PageFetched>> pages,
                      @Channel(DEAD_LETTERS) MutinyEmitter<Record<String, SubmissionAccepted>> deadLetters,
                      StatusReporter statuses, StageMetrics metrics, RobotsCache robots, PolitenessPolicy politeness,
                      HostScheduler scheduler, HostSlots slots, FetchConfig config) {
        this.client = client;
        this.worker = worker;
        this.pages = pages;
        this.deadLetters = deadLetters;
        this.statuses = statuses;
        this.metrics = metrics;
        this.robots = robots;
        this.politeness = politeness;
        this.scheduler = scheduler;
        this.slots = slots;
        this.retries = new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Queues the submission with its host and completes as soon as the scheduler can hold another, so the
     * consumer keeps reading while pages are fetched; the record itself is acknowledged (or nacked) when its job
     * ends.
     */
    @Incoming(Topics.SUBMISSIONS_ACCEPTED)
    public Uni<Void> fetch(Message<SubmissionAccepted> message) {
        SubmissionAccepted submission = message.getPayload();
        if (submission == null) {
            // The connector dead-letters records it cannot deserialise; a null value that still arrives is nacked.
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(
                    "submissions-accepted record without a value")));
        }
        scheduler.submit(hostOf(submission), () -> process(submission).subscribeAsCompletionStage())
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        message.ack();
                    } else {
                        message.nack(failure);
                    }
                });
        return Uni.createFrom().completionStage(scheduler.admission());
    }

    private Uni<Void> process(SubmissionAccepted submission) {
        Timer.Sample sample = metrics.start();
        long started = System.nanoTime();
        return Uni.createFrom().item(() -> WebUrl.parse(submission.canonicalUrl()))
                .flatMap(url -> slots.inTurn(url.host(), () -> attempt(submission, url, 1)))
                .flatMap(outcome -> outcome instanceof FetchOutcome.Fetched page
                        ? publish(submission, page, started)
                        : fail(submission, (FetchOutcome.Failed) outcome))
                .invoke(outcome -> metrics.record(sample, outcome))
                .onFailure().call(e -> deadLetter(submission, sample, e))
                .replaceWithVoid();
    }

    /** One attempt: robots.txt, then the page; a transient failure waits its backoff and tries again. */
    private Uni<FetchOutcome> attempt(SubmissionAccepted submission, WebUrl url, int attempt) {
        return robots.check(url)
                .flatMap(refusal -> refusal.isPresent()
                        ? Uni.createFrom().item((FetchOutcome) refusal.get())
                        : client.fetch(url))
                .flatMap(outcome -> {
                    if (!(outcome instanceof FetchOutcome.Failed failed)) {
                        return Uni.createFrom().item(outcome);
                    }
                    Optional<Duration> backoff = retries.backoff(attempt, failed);
                    if (backoff.isPresent()) {
                        // Never closer to the host than its politeness delay, whatever the backoff says.
                        Duration delay = politeness.delayFor(url.host());
                        Duration wait = backoff.get().compareTo(delay) > 0 ? backoff.get() : delay;
                        Log.warnf("article=%s stage=%s outcome=retry attempt=%d reason=%s wait_ms=%d",
                                submission.articleId(), STAGE, attempt, failed.reason(), wait.toMillis());
                        return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                                .flatMap(ignored -> attempt(submission, url, attempt + 1));
                    }
                    return Uni.createFrom().item(attempt == 1 ? failed : new FetchOutcome.Failed(failed.reason(),
                            failed.detail() + " (" + attempt + " attempts)", failed.retryAfter()));
                });
    }

    /** Decodes off the event loop, then writes the page and its FETCHED status; yields the metrics outcome. */
    private Uni<String> publish(SubmissionAccepted submission, FetchOutcome.Fetched page, long started) {
        return worker.executeBlocking(() -> CharsetDetector.decode(page.contentType(), page.body()), false)
                .flatMap(decoded -> {
                    // The feed provenance travels on with the page, so publish can file the article as the feed says.
                    PageFetched event = new PageFetched(PageFetched.SCHEMA_VERSION, submission.articleId(),
                            submission.submissionId(), submission.canonicalUrl(), page.finalUrl(), page.status(),
                            page.contentType(), decoded.charset().name(), Instant.now(), decoded.html(),
                            submission.origin());
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

    /**
     * Reports the article FAILED. A transient failure that outlived its retries also puts the original submission
     * on the dead-letter topic first, so that it can be replayed once the site is back.
     */
    private Uni<String> fail(SubmissionAccepted submission, FetchOutcome.Failed failure) {
        boolean transientFailure = RetryPolicy.isTransient(failure);
        Uni<Void> parked = transientFailure
                ? deadLetters.send(Record.of(hostOf(submission), submission))
                : Uni.createFrom().voidItem();
        Log.infof("article=%s stage=%s outcome=failed reason=%s dead_lettered=%s", submission.articleId(), STAGE,
                failure.reason(), transientFailure);
        return parked.flatMap(sent -> statuses.report(StatusChanged.failed(submission, submission.canonicalUrl(),
                        STAGE, failure.reason(), failure.detail())))
                .replaceWith(transientFailure ? StageMetrics.DEAD_LETTERED : StageMetrics.FAILED);
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

    /** The politeness key: the host, as the topic's record key; a URL that does not parse gets a key of its own. */
    private static String hostOf(SubmissionAccepted submission) {
        try {
            return WebUrl.parse(submission.canonicalUrl()).host();
        } catch (InvalidUrlException e) {
            return "";
        }
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
