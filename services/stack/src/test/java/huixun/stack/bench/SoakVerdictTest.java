package huixun.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SoakVerdictTest {

    @Test
    void aSteadyErrorFreeDrainedRunPasses() {
        SoakVerdict verdict = SoakVerdict.of(result(Map.of("PUBLISHED", 100L), 0.08, Duration.ofSeconds(3), 0));

        assertTrue(verdict.passed());
        assertEquals(Map.of("fetch", 0.08), verdict.rssDrift());
    }

    @Test
    void memoryGrowthBeyondTenPercentFails() {
        SoakVerdict verdict = SoakVerdict.of(result(Map.of("PUBLISHED", 100L), 0.12, Duration.ofSeconds(3), 0));

        assertFalse(verdict.rssSteady());
        assertFalse(verdict.passed());
    }

    @Test
    void failuresDeadLettersOrLagLeftFail() {
        assertFalse(SoakVerdict.of(result(Map.of("PUBLISHED", 99L, "FAILED", 1L), 0, Duration.ZERO, 0)).passed());
        assertFalse(SoakVerdict.of(result(Map.of("PUBLISHED", 100L), 0, Duration.ZERO, 2)).passed());
        assertFalse(SoakVerdict.of(result(Map.of("PUBLISHED", 100L), 0, null, 0)).passed());
    }

    /** A 100-page run; the broker's, PostgreSQL's and the page server's memory are not judged, whatever its drift. */
    private static LoadResult result(Map<String, Long> counts, double drift, Duration drained, long deadLettered) {
        List<ProcessSampler.Usage> processes = List.of(
                new ProcessSampler.Usage("fetch", Duration.ofSeconds(5), 200_000, 180_000, 190_000, drift),
                new ProcessSampler.Usage("kafka", Duration.ofSeconds(2), 300_000, 180_000, 290_000, 0.6),
                new ProcessSampler.Usage("postgres", Duration.ofSeconds(2), 900_000, 300_000, 900_000, 2.0),
                new ProcessSampler.Usage("bench (page server)", Duration.ofSeconds(1), 300_000, 100_000, 300_000, 2.0));
        return new LoadResult(Instant.now(), 100, 100, 100, Duration.ofSeconds(10), Duration.ofSeconds(20), counts,
                Map.of(), Map.of(), Map.of("sustained", 5.0, "overall", 5.0), Map.of(), processes, List.of(), drained,
                deadLettered, 1_000_000);
    }
}
