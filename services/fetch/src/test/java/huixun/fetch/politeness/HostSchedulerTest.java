package huixun.fetch.politeness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering, limits and admission of the scheduler, with jobs the test completes by hand (no delays). */
class HostSchedulerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static Job job() {
        return new Job(new CompletableFuture<>(), new CompletableFuture<>());
    }

    /** A job that reports when it started and ends when {@code end} completes. */
    private record Job(CompletableFuture<Void> started, CompletableFuture<String> end) {
        CompletionStage<String> run() {
            started.complete(null);
            return end;
        }
    }

    @Test
    void oneJobPerHostAtATimeButHostsRunConcurrently() throws Exception {
        HostScheduler scheduler = new HostScheduler(4, 10, host -> Duration.ZERO, timer, System::nanoTime);
        Job a1 = job();
        Job a2 = job();
        Job b1 = job();
        CompletionStage<String> first = scheduler.submit("a.example", a1::run);
        scheduler.submit("a.example", a2::run);
        scheduler.submit("b.example", b1::run);
        a1.started().get(5, TimeUnit.SECONDS);
        b1.started().get(5, TimeUnit.SECONDS);
        assertFalse(a2.started().isDone(), "a second job of the same host started while the first ran");
        a1.end().complete("page");
        assertEquals("page", first.toCompletableFuture().get(5, TimeUnit.SECONDS));
        a2.started().get(5, TimeUnit.SECONDS);
    }

    @Test
    void atMostMaxRunningJobsRun() throws Exception {
        HostScheduler scheduler = new HostScheduler(2, 10, host -> Duration.ZERO, timer, System::nanoTime);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Job job = job();
            jobs.add(job);
            scheduler.submit("host" + i, job::run);
        }
        jobs.get(0).started().get(5, TimeUnit.SECONDS);
        jobs.get(1).started().get(5, TimeUnit.SECONDS);
        assertFalse(jobs.get(2).started().isDone());
        jobs.get(1).end().complete("done");
        jobs.get(2).started().get(5, TimeUnit.SECONDS);
    }

    @Test
    void admissionWaitsWhileMaxPendingJobsAreHeld() throws Exception {
        HostScheduler scheduler = new HostScheduler(1, 2, host -> Duration.ZERO, timer, System::nanoTime);
        Job first = job();
        scheduler.submit("a", first::run);
        assertTrue(scheduler.admission().toCompletableFuture().isDone());
        CompletionStage<String> failing = scheduler.submit("b", () -> CompletableFuture.failedFuture(
                new IllegalStateException("bug")));
        first.started().get(5, TimeUnit.SECONDS);
        assertFalse(scheduler.admission().toCompletableFuture().isDone(), "two held, the maximum");
        first.end().complete("done");
        scheduler.admission().toCompletableFuture().get(5, TimeUnit.SECONDS);
        await().until(() -> failing.toCompletableFuture().isCompletedExceptionally());
        await().until(() -> scheduler.pending() == 0);
    }
}
