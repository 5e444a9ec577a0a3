package huixun.fetch.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import huixun.contracts.ArticleStatus;

/**
 * The body of a 202 answer (the article the submission will become) or of a 200 answer (the known article).
 *
 * @param id           the article id, derived from the canonical URL
 * @param submissionId this submission, unique per request; for a known URL its first submission
 * @param url          the canonical URL that will be fetched
 * @param status       RECEIVED (fetching has not started); absent for a known URL, whose status publish serves
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionResponse(String id, String submissionId, String url, ArticleStatus status) {
}
