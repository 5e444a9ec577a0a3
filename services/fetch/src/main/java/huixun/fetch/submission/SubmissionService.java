package huixun.fetch.submission;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.url.InvalidUrlException;
import huixun.fetch.url.WebUrl;
import huixun.pipeline.problem.ProblemException;
import huixun.pipeline.status.StatusReporter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepts a URL: canonicalises it, writes {@link SubmissionAccepted} to {@code submissions-accepted} (keyed by host,
 * so one fetch consumer owns a host) and a RECEIVED status, and succeeds only when the broker has acknowledged both.
 */
@ApplicationScoped
public class SubmissionService {
    /** Outgoing channel of {@code submissions-accepted}; named apart because this service also consumes the topic. */
    static final String SUBMISSIONS_OUT = "submissions-out";
    static final String STAGE = "fetch";

    private final MutinyEmitter<Record<String, SubmissionAccepted>> submissions;
    private final StatusReporter statuses;
    private final Duration ackTimeout;

    @Inject
    public SubmissionService(@Channel(SUBMISSIONS_OUT) MutinyEmitter<Record<String, SubmissionAccepted>> submissions,
                             StatusReporter statuses, FetchConfig config) {
        this(submissions, statuses, config.submission().ackTimeout());
    }

    SubmissionService(MutinyEmitter<Record<String, SubmissionAccepted>> submissions, StatusReporter statuses,
                      Duration ackTimeout) {
        this.submissions = submissions;
        this.statuses = statuses;
        this.ackTimeout = ackTimeout;
    }

    /**
     * @return the accepted submission, once durable
     * @throws ProblemException (as the Uni's failure) 400 {@code invalid-url} for a URL that cannot be fetched, 503
     *                          {@code broker-unavailable} when the broker did not acknowledge in time
     */
    public Uni<SubmissionAccepted> accept(String url) {
        WebUrl canonical;
        try {
            canonical = UrlCanonicaliser.canonicalise(url);
        } catch (InvalidUrlException e) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-url", "Invalid URL", e.getMessage()));
        }
        SubmissionAccepted event = new SubmissionAccepted(ArticleId.of(canonical.toString()),
                UUID.randomUUID().toString(), url.strip(), canonical.toString(), Instant.now());
        // Submission first, status second: if the status write fails, the page is still fetched and the client,
        // told 503, may resubmit (same URL, same article id). The other order could leave a RECEIVED article that
        // nothing will ever fetch.
        return submissions.send(Record.of(canonical.host(), event))
                .flatMap(sent -> statuses.report(StatusChanged.reached(event, event.canonicalUrl(),
                        ArticleStatus.RECEIVED, STAGE)))
                .ifNoItem().after(ackTimeout).failWith(() -> unavailable(event, "no acknowledgement within "
                        + ackTimeout.toMillis() + " ms"))
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> unavailable(event, e.toString()))
                .replaceWith(event);
    }

    private static ProblemException unavailable(SubmissionAccepted event, String cause) {
        Log.warnf("article=%s submission=%s stage=%s outcome=not_accepted cause=%s", event.articleId(),
                event.submissionId(), STAGE, cause);
        return new ProblemException("broker-unavailable", "Submission not accepted", 503,
                "The message broker did not confirm the submission in time, so it may not have been recorded. "
                        + "Retry later; submitting the same URL again is safe.");
    }
}
