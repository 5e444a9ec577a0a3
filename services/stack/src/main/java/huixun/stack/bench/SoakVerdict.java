package huixun.stack.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The soak's checks (issue 9): every submission final, memory steady after warm-up, no errors, consumer lag back to
 * zero. The generated pages are all valid articles, so any FAILED article or dead-lettered record is an error.
 *
 * @param allFinal     every page was accepted and ended PUBLISHED or FAILED
 * @param rssDrift     per judged process, its largest RSS distance from the after-warm-up reading (0.1 = 10 %)
 * @param failed       FAILED articles
 * @param deadLettered records on the dead-letter topics, -1 when the broker did not say
 * @param lagDrained   every consumer group's lag returned to zero after the last article finished
 */
public record SoakVerdict(boolean allFinal, Map<String, Double> rssDrift, long failed, long deadLettered,
                          boolean lagDrained) {
    static final double RSS_TOLERANCE = 0.10;
    /** PostgreSQL's figure sums its backends, which come and go with connections; the page server is the harness. */
    private static final Set<String> NOT_JUDGED = Set.of("postgres", "bench (page server)");

    public static SoakVerdict of(LoadResult result) {
        Map<String, Double> drift = new LinkedHashMap<>();
        result.processes().stream().filter(p -> !NOT_JUDGED.contains(p.name()))
                .forEach(p -> drift.put(p.name(), p.rssDrift()));
        long failed = result.counts().getOrDefault("FAILED", 0L);
        return new SoakVerdict(result.allFinal(), Collections.unmodifiableMap(drift), failed, result.deadLettered(),
                result.lagDrained() != null);
    }

    public boolean rssSteady() {
        return rssDrift.values().stream().allMatch(d -> d <= RSS_TOLERANCE);
    }

    public boolean errorFree() {
        return failed == 0 && deadLettered == 0;
    }

    public boolean passed() {
        return allFinal && rssSteady() && errorFree() && lagDrained;
    }
}
