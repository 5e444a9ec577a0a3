package huixun.fetch.politeness;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs fetch jobs concurrently across hosts while keeping each host polite: one job at a time per host, and the
 * next job of a host starts no earlier than {@code delayFor(host)} after the previous one ended (the delay is read
 * when a job ends, so a Crawl-delay learnt from robots.txt during that job applies to the next one). At most
 * {@code maxRunning} jobs run at once; at most {@code maxPending} are held (running, waiting for their host, or
 * waiting for a slot), and {@link #admission} tells the consumer to stop taking records until one finishes.
 *
 * <p>State lives in memory: a restart forgets when each host was last fetched. {@link HostSlots} keeps the delay
 * across restarts and replicas (a partition that moves between them) in PostgreSQL.
 */
public final class HostScheduler {
    private static final long MIN_TIMER_NANOS = 1_000_000;

    private final int maxRunning;
    private final int maxPending;
    private final Function<String, Duration> delayFor;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;

    private final Map<String, Host> hosts = new HashMap<>();
    private final Queue<Host> ready = new ArrayDeque<>();
    private int running;
    private int pending;
    private CompletableFuture<Void> admission = CompletableFuture.completedFuture(null);

    public HostScheduler(int maxRunning, int maxPending, Function<String, Duration> delayFor,
                         ScheduledExecutorService timer, LongSupplier nanoTime) {
        if (maxRunning < 1 || maxPending < maxRunning) {
            throw new IllegalArgumentException("need 1 <= maxRunning (" + maxRunning + ") <= maxPending ("
                    + maxPending + ")");
        }
        this.maxRunning = maxRunning;
        this.maxPending = maxPending;
        this.delayFor = delayFor;
        this.timer = timer;
        this.nanoTime = nanoTime;
    }

    /** Completes when the scheduler holds fewer than {@code maxPending} jobs: the consumer may take one more. */
    public synchronized CompletionStage<Void> admission() {
        return admission;
    }

    /** Jobs held now: running, waiting for their host's delay, or waiting for a slot. */
    public synchronized int pending() {
        return pending;
    }

    /**
     * Queues a job for {@code host}. The job is started later, from a timer or completion thread; its stage's
     * outcome (value or failure) is the returned stage's.
     */
    public <T> CompletionStage<T> submit(String host, Supplier<CompletionStage<T>> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletionStage<T> stage;
            try {
                stage = job.get();
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((value, failure) -> {
                try {
                    finished(host);
                } finally {
                    // The caller acknowledges the record on this: it must happen even if bookkeeping failed.
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                }
            });
        };
        synchronized (this) {
            pending++;
            if (pending >= maxPending && admission.isDone()) {
                admission = new CompletableFuture<>();
            }
            Host state = hosts.computeIfAbsent(host, name -> new Host(name, nanoTime.getAsLong()));
            state.jobs.add(start);
            if (!state.busy) {
                arm(state);
            }
        }
        return result;
    }

    /** Marks the host busy and starts its next job when its delay has passed and a slot is free. Holds the lock. */
    private void arm(Host host) {
        host.busy = true;
        long wait = host.notBefore - nanoTime.getAsLong();
        if (wait >= MIN_TIMER_NANOS) {
            later(() -> becomeReady(host), wait);
        } else {
            ready.add(host);
            timer.execute(this::drain);
        }
    }

    private void becomeReady(Host host) {
        synchronized (this) {
            ready.add(host);
        }
        drain();
    }

    /** Starts as many ready hosts' jobs as there are free slots, outside the lock. */
    private void drain() {
        while (true) {
            Runnable job;
            synchronized (this) {
                if (running >= maxRunning || ready.isEmpty()) {
                    return;
                }
                Host host = ready.poll();
                job = host.jobs.poll();
                running++;
            }
            job.run();
        }
    }

    private void finished(String name) {
        CompletableFuture<Void> admitted = null;
        synchronized (this) {
            running--;
            pending--;
            Host host = hosts.get(name);
            host.notBefore = nanoTime.getAsLong() + delayFor.apply(name).toNanos();
            if (host.jobs.isEmpty()) {
                host.busy = false;
                forgetLater(host);
            } else {
                arm(host);
            }
            if (pending < maxPending && !admission.isDone()) {
                admitted = admission;
            }
        }
        if (admitted != null) {
            admitted.complete(null);
        }
        timer.execute(this::drain);
    }

    /** Drops an idle host once its delay has passed, so the map holds only hosts seen within their delay. */
    private void forgetLater(Host host) {
        later(() -> {
            synchronized (this) {
                if (!host.busy && host.jobs.isEmpty() && host.notBefore - nanoTime.getAsLong() <= 0) {
                    hosts.remove(host.name, host);
                }
            }
        }, host.notBefore - nanoTime.getAsLong());
    }

    /**
     * Runs {@code action} after {@code nanos}, rounded up to whole milliseconds: Quarkus backs Mutiny's scheduler
     * with Vert.x timers, which refuse delays under 1 ms, so shorter waits run at once.
     */
    private void later(Runnable action, long nanos) {
        if (nanos < MIN_TIMER_NANOS) {
            timer.execute(action);
        } else {
            timer.schedule(action, (nanos + MIN_TIMER_NANOS - 1) / MIN_TIMER_NANOS, TimeUnit.MILLISECONDS);
        }
    }

    private static final class Host {
        private final String name;
        private final Queue<Runnable> jobs = new ArrayDeque<>();
        /** A job is running, or the host waits for its delay or a slot. */
        private boolean busy;
        private long notBefore;

        Host(String name, long now) {
            this.name = name;
            this.notBefore = now;
        }
    }
}
