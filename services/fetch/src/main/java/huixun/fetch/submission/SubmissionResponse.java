package huixun.fetch.submission;

import huixun.contracts.ArticleStatus;

/**
 * The body of a 202 answer: the article the submission will become.
 *
 * @param id           the article id, derived from the canonical URL
 * @param submissionId this submission, unique per request
 * @param url          the canonical URL that will be fetched
 * @param status       always RECEIVED: fetching has not started
 */
public record SubmissionResponse(String id, String submissionId, String url, ArticleStatus status) {
}
