package huixun.fetch.submission;

import java.util.List;

/** The answer to a batch: counts, then one result per line in input order. */
public record BatchResponse(int accepted, int rejected, List<BatchResult> results) {
}
