package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import huixun.publish.store.StatusEntry;
import huixun.publish.store.StatusTimeline;

import java.util.List;

/**
 * Where one submission stands: every stage it passed, with time, outcome and reason.
 *
 * @param articleId the article the submission is of
 * @param url       the article's URL, or null while no stage has named it
 * @param status    the furthest status the submission reached (PUBLISHED and FAILED are final)
 * @param reason    the failure reason code when {@code status} is FAILED, else null
 * @param detail    a human-readable explanation of the failure, or null
 * @param timeline  the statuses it reached, by time
 */
public record SubmissionView(String submissionId, String articleId, String url, ArticleStatus status, String reason,
                             String detail, List<ArticleView.TimelineEntry> timeline) {

    /** The view of a submission's statuses; {@code byTime} must not be empty. */
    static SubmissionView of(String submissionId, String url, List<StatusEntry> byTime) {
        StatusEntry furthest = StatusTimeline.shown(byTime);
        return new SubmissionView(submissionId, furthest.articleId(), url, furthest.status(), furthest.reason(),
                furthest.detail(), byTime.stream().map(ArticleView.TimelineEntry::of).toList());
    }
}
