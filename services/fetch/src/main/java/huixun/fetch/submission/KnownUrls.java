package huixun.fetch.submission;

import huixun.contracts.events.SubmissionAccepted;
import io.smallrye.mutiny.Uni;

/**
 * The URLs this service has accepted, by article id, with their first submission. A seam so that
 * {@link SubmissionService}'s broker logic is testable without a database; {@link KnownUrlTable} is the store.
 */
public interface KnownUrls {

    /**
     * Records {@code submission} as the first one of its article unless the article already has an acknowledged
     * one. Atomic: of two concurrent first submissions of a URL exactly one is {@link Claim.Kind#NEW}.
     */
    Uni<Claim> claim(SubmissionAccepted submission);

    /** The broker has recorded the article's submission: later ones of the URL are answered as known. */
    Uni<Void> acknowledged(String articleId);

    /**
     * @param kind         NEW (first submission of the URL), RESEND (an earlier one was never acknowledged by the
     *                     broker, so this one takes its place) or KNOWN (acknowledged earlier)
     * @param submissionId for KNOWN, the first submission's id
     */
    record Claim(Kind kind, String submissionId) {
        public enum Kind { NEW, RESEND, KNOWN }
    }
}
