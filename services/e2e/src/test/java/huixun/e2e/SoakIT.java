package huixun.e2e;

import huixun.stack.bench.LoadBench;
import huixun.stack.bench.LoadOptions;
import huixun.stack.bench.LoadResult;
import huixun.stack.bench.SoakVerdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short soak CI runs (issue 9): one minute of steady submissions into a stack of its own, through the load
 * benchmark's harness ({@code ./huixun bench --duration}). It checks what a minute can show — every submission
 * PUBLISHED, nothing failed or dead-lettered, consumer lag back to zero afterwards. Memory steadiness is judged on
 * the ten-minute soak in docs/benchmarks.md: within the first minute the JVMs are still growing their heaps and
 * compiling, so the RSS drift is only printed here.
 */
class SoakIT {
    private static final double RATE = 8;
    private static final Duration DURATION = Duration.ofSeconds(60);

    @Test
    void aMinuteOfSteadyLoadPublishesEverythingWithoutErrorsAndDrainsTheLag() throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("huixun.repo", "../..")).toAbsolutePath().normalize();
        Path target = repo.resolve("services/e2e/target");
        LoadOptions options = new LoadOptions(repo, (int) (RATE * DURATION.toSeconds()), RATE, DURATION, 1, 16, 3, 1,
                LoadOptions.DEFAULT_JVM_OPTIONS, Duration.ofMinutes(5), "ci-soak", target.resolve("soak.md"),
                target.resolve("soak-lag.png"));

        LoadResult result = new LoadBench(options, System.out).run();
        SoakVerdict verdict = SoakVerdict.of(result);
        System.out.println("soak: " + verdict + ", " + result.throughput() + " articles/s");

        assertAll(
                () -> assertEquals(options.pages(), result.accepted(), "accepted"),
                () -> assertTrue(verdict.allFinal(), "every submission final: " + result.counts()),
                () -> assertEquals(0, verdict.failed(), "failed: " + result.failures()),
                () -> assertEquals(0, verdict.deadLettered(), "dead-lettered"),
                () -> assertTrue(verdict.lagDrained(), "consumer lag back to zero"));
    }
}
