package huixun.stack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one load run measured.
 *
 * @param accepted    submissions the API accepted
 * @param finished    articles PUBLISHED or FAILED when the run ended
 * @param submitting  from the first submission to the last batch's answer
 * @param wall        from the first submission until every article finished (or the timeout)
 * @param counts      articles by final status
 * @param latencies   seconds per stage and end to end: p50, p95, p99, max
 * @param steadyLatencies the same for the submissions after the first fifth of the submitting time (warm-up)
 * @param throughput  published articles per second: over the whole run, and between the 10th and 90th percentile
 *                    of publication times (the sustained rate, without warm-up and tail)
 * @param failures    FAILED articles by reason
 * @param lagDrained  how long after the last article finished every consumer group's lag reached zero; null when
 *                    it did not within the benchmark's limit
 * @param deadLettered records on the dead-letter topics at the end, -1 when unknown
 */
public record LoadResult(Instant at, int pages, int accepted, long finished, Duration submitting, Duration wall,
                         Map<String, Long> counts, Map<String, double[]> latencies,
                         Map<String, double[]> steadyLatencies, Map<String, Double> throughput,
                         Map<String, Long> failures, List<ProcessSampler.Usage> processes,
                         List<LagSampler.Reading> lag, Duration lagDrained, long deadLettered, long bytesServed) {
    public boolean allFinal() {
        return finished >= accepted && accepted == pages;
    }
}
