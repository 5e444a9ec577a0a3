package huixun.fetch.submission;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.events.Origin;
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
 * Accepts a URL: canonicalises it and, unless the URL is already known ({@link KnownUrls}), writes
 * {@link SubmissionAccepted} to {@code submissions-accepted} (keyed by host, so one fetch consumer owns a host) and
 * a RECEIVED status, succeeding only when the broker has acknowledged both. A known URL is answered with its first
 * submission and nothing is written, unless a refresh is asked for: then a new submission with
 * {@code refresh=true} is written (publish keeps it as a new version of the article).
 */
@ApplicationScoped
public class SubmissionService {
    /** Outgoing channel of {@code submissions-accepted}; named apart because this service also consumes the topic. */
    static final String SUBMISSIONS_OUT = "submissions-out";
    static final String STAGE = "fetch";

    private final MutinyEmitter<Record<String, SubmissionAccepted>> submissions;
    private final StatusReporter statuses;
    private final KnownUrls known;
    private final Duration ackTimeout;

    @Inject
    public SubmissionService(@Channel(SUBMISSIONS_OUT) MutinyEmitter<Record<String, SubmissionAccepted>> submissions,
                             StatusReporter statuses, KnownUrls known, FetchConfig config) {
        this(submissions, statuses, known, config.submission().ackTimeout());
    }

    SubmissionService(MutinyEmitter<Record<String, SubmissionAccepted>> submissions, StatusReporter statuses,
                      KnownUrls known, Duration ackTimeout) {
        this.submissions = submissions;
        this.statuses = statuses;
        this.known = known;
        this.ackTimeout = ackTimeout;
    }

    /**
     * @param refresh fetch the URL again even if it is known
     * @param origin  the feed subscription submitting the URL, or null for a person
     * @return the accepted submission once durable, or the known URL's first submission
     * @throws ProblemException (as the Uni's failure) 400 {@code invalid-url} for a URL that cannot be fetched, 503
     *                          {@code broker-unavailable} when the broker did not acknowledge in time, 503
     *                          {@code store-unavailable} when the known URLs could not be read
     */
    public Uni<Acceptance> accept(String url, boolean refresh, Origin origin) {
        WebUrl canonical;
        try {
            canonical = UrlCanonicaliser.canonicalise(url);
        } catch (InvalidUrlException e) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-url", "Invalid URL", e.getMessage()));
        }
        String articleId = ArticleId.of(canonical.toString());
        SubmissionAccepted first = event(articleId, url, canonical, false, origin);
        return known.claim(first)
                .onFailure().transform(e -> storeUnavailable(first, e))
                .flatMap(claim -> switch (claim.kind()) {
                    // RESEND: an earlier submission of the URL was never recorded by the broker; this one, a first
                    // submission too, takes its place.
                    case NEW, RESEND -> send(canonical, first).call(() -> acknowledged(first))
                            .map(Acceptance::accepted);
                    case KNOWN -> refresh
                            ? send(canonical, event(articleId, url, canonical, true, origin))
                                    .map(Acceptance::accepted)
                            : Uni.createFrom().item(Acceptance.known(new SubmissionAccepted(
                                    SubmissionAccepted.SCHEMA_VERSION, articleId, claim.submissionId(), url.strip(),
                                    canonical.toString(), first.acceptedAt(), false, origin)));
                });
    }

    private static SubmissionAccepted event(String articleId, String url, WebUrl canonical, boolean refresh,
                                            Origin origin) {
        return new SubmissionAccepted(SubmissionAccepted.SCHEMA_VERSION, articleId, UUID.randomUUID().toString(),
                url.strip(), canonical.toString(), Instant.now(), refresh, origin);
    }

    private Uni<SubmissionAccepted> send(WebUrl canonical, SubmissionAccepted event) {
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

    /**
     * Marks the URL known once the broker has its submission. If that fails the row stays unacknowledged and the
     * next submission of the URL is sent again: a duplicate fetch at worst, never a lost one, so the client still
     * gets its 202.
     */
    private Uni<Void> acknowledged(SubmissionAccepted event) {
        return known.acknowledged(event.articleId())
                .onFailure().invoke(e -> Log.warnf("article=%s submission=%s stage=%s outcome=not_marked_known "
                        + "cause=%s", event.articleId(), event.submissionId(), STAGE, e.toString()))
                .onFailure().recoverWithNull();
    }

    private static ProblemException storeUnavailable(SubmissionAccepted event, Throwable cause) {
        Log.warnf("article=%s submission=%s stage=%s outcome=not_accepted cause=%s", event.articleId(),
                event.submissionId(), STAGE, cause.toString());
        return new ProblemException("store-unavailable", "Submission not accepted", 503,
                "The fetch service could not read its known URLs, so nothing was recorded. Retry later.");
    }

    private static ProblemException unavailable(SubmissionAccepted event, String cause) {
        Log.warnf("article=%s submission=%s stage=%s outcome=not_accepted cause=%s", event.articleId(),
                event.submissionId(), STAGE, cause);
        return new ProblemException("broker-unavailable", "Submission not accepted", 503,
                "The message broker did not confirm the submission in time, so it may not have been recorded. "
                        + "Retry later; submitting the same URL again is safe.");
    }
}
