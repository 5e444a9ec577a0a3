package huixun.fetch.submission;

import java.util.List;

/**
 * The answer to a batch: counts, then one result per line in input order.
 *
 * @param accepted lines queued for fetching (202)
 * @param known    lines whose URL was known, answered with its article and nothing queued (200)
 * @param rejected lines refused (400, 503)
 */
public record BatchResponse(int accepted, int known, int rejected, List<BatchResult> results) {
}
