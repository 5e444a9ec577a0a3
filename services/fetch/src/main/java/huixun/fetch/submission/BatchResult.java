package huixun.fetch.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import huixun.contracts.Problem;

/**
 * The outcome of one line of a batch: accepted (status 202, with the same fields as a single submission's answer)
 * or refused (its status and the problem that single submission would have got).
 *
 * @param line   1-based position in the batch (array element or NDJSON line)
 * @param input  the URL as given, or the raw line when it held no URL
 * @param status 202, 200 for a known URL (its article and first submission; nothing queued), or the refusal's
 *               status (400 invalid URL, 503 broker or store unavailable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(int line, String input, int status, String id, String submissionId, String url,
                          String location, Problem problem) {
}
