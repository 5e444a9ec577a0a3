package huixun.fetch.submission;

import huixun.contracts.events.SubmissionAccepted;

/**
 * What became of a submitted URL.
 *
 * @param submission the submission written to the broker, or, for a known URL, its first submission (not written
 *                   again)
 * @param known      true when the URL was known and nothing was written (HTTP 200 rather than 202)
 */
public record Acceptance(SubmissionAccepted submission, boolean known) {
    static Acceptance accepted(SubmissionAccepted submission) {
        return new Acceptance(submission, false);
    }

    static Acceptance known(SubmissionAccepted submission) {
        return new Acceptance(submission, true);
    }
}
