package huixun.publish.store;

import huixun.contracts.ArticleStatus;

import java.util.List;

/**
 * Which status an article shows, derived from its whole timeline rather than from the last event, so the answer
 * does not depend on the order in which stages' events arrive:
 * <ul>
 *   <li>the current submission is the one whose RECEIVED is latest by its time (a refetch supersedes the earlier
 *       submission); before any RECEIVED has arrived it is the submission of the first entry;</li>
 *   <li>of the current submission's entries, taken in arrival order, a status replaces the shown one only when it
 *       is a step forward ({@link ArticleStatus#precedes}): a late CLASSIFIED never undoes PUBLISHED, and the
 *       first final status (PUBLISHED or FAILED) stays;</li>
 *   <li>other submissions' entries stay in the timeline only.</li>
 * </ul>
 */
public final class StatusTimeline {
    private StatusTimeline() {
    }

    /** The entry whose submission and status the article shows; {@code inArrivalOrder} must not be empty. */
    public static StatusEntry shown(List<StatusEntry> inArrivalOrder) {
        String submission = currentSubmission(inArrivalOrder);
        StatusEntry shown = null;
        for (StatusEntry entry : inArrivalOrder) {
            if (entry.submissionId().equals(submission)
                    && (shown == null || shown.status().precedes(entry.status()))) {
                shown = entry;
            }
        }
        return shown;
    }

    private static String currentSubmission(List<StatusEntry> inArrivalOrder) {
        StatusEntry latestReceived = null;
        for (StatusEntry entry : inArrivalOrder) {
            // On equal times the later arrival wins, so the choice is stable for a given timeline.
            if (entry.status() == ArticleStatus.RECEIVED
                    && (latestReceived == null || !entry.at().isBefore(latestReceived.at()))) {
                latestReceived = entry;
            }
        }
        return latestReceived != null ? latestReceived.submissionId() : inArrivalOrder.get(0).submissionId();
    }
}
