package huixun.stack.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The soak's checks (issue 9): every submission final, each service's memory steady after warm-up, no errors,
 * consumer lag back to zero. The generated pages are all valid articles, so any FAILED article or dead-lettered
 * record is an error.
 *
 * @param allFinal     every page was accepted and ended PUBLISHED or FAILED
 * @param rssDrift     per service process, its largest RSS distance from the after-warm-up reading (0.1 = 10 %)
 * @param failed       FAILED articles
 * @param deadLettered records on the dead-letter topics, -1 when the broker did not say
 * @param lagDrained   every consumer group's lag returned to zero after the last article finished
 */
public record SoakVerdict(boolean allFinal, Map<String, Double> rssDrift, long failed, long deadLettered,
                          boolean lagDrained) {
    static final double RSS_TOLERANCE = 0.10;
    /**
     * Memory steadiness is judged on the services (and their replicas). Not on PostgreSQL, whose figure sums backends
     * that come and go with connections and its shared buffers as they fill; nor on the broker, whose memory maps
     * the index of every log segment it writes and so grows with the data kept (its drift is reported all the same);
     * nor on the page server, which is the harness.
     */
    private static final Set<String> NOT_JUDGED = Set.of("postgres", "kafka", "bench (page server)");

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
