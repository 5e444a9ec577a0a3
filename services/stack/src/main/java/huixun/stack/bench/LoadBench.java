package huixun.stack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import huixun.stack.Stack;
import huixun.stack.StackConfig;
import huixun.stack.postgres.PostgresServer;
import huixun.stack.process.Jvm;
import huixun.stack.process.ScratchDirectory;

/**
 * The end-to-end load benchmark: starts the local stack on free ports with a throw-away data directory, serves
 * {@code --pages} generated articles from a loopback page server (politeness off for it), submits them in batches
 * at {@code --rate} per second, waits until every accepted one is PUBLISHED or FAILED, and reports throughput,
 * per-stage latency (from the timeline publish stores), CPU and RSS per process and consumer lag over time.
 */
public final class LoadBench {
    static final List<String> GROUPS = List.of("fetch", "normalise", "classify", "publish");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);
    /** The share of the run counted as warm-up (JIT, heaps) where a report separates steady state from it. */
    static final double WARM_UP = 0.2;

    private final LoadOptions options;
    private final PrintStream out;
    // HTTP/1.1: the h2c upgrade of concurrent POSTs adds nothing on loopback and is one more thing to go wrong.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public LoadBench(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        LoadResult result = new LoadBench(options, System.out).run();
        LoadReport.write(options, result);
        System.out.println("bench: report in " + options.report() + ", chart in " + options.chart());
        boolean passed = options.soak() ? SoakVerdict.of(result).passed() : result.allFinal();
        System.exit(passed ? 0 : 1);
    }

    public LoadResult run() throws IOException, InterruptedException {
        ArticlePages pages = ArticlePages.from(options.repo().resolve("samples").resolve("site"));
        try (ScratchDirectory dataDir = ScratchDirectory.create("huixun-bench-");
             PageServer site = PageServer.start(pages, options.pages(), options.hosts());
             Stack stack = Stack.start(stackConfig(dataDir.path(), site))) {
            for (int i = 1; i < options.replicas(); i++) {
                stack.startReplica("normalise");
                stack.startReplica("classify");
            }
            out.printf("bench: stack ready in %.1f s; %d pages on %d hosts, e.g. %s%n",
                    stack.timings().get("total").toMillis() / 1000.0, options.pages(), options.hosts(), site.url(0));
            return measure(stack, site);
        }
    }

    private StackConfig stackConfig(Path dataDir, PageServer site) {
        return StackConfig.defaults(options.repo()).withFreePorts().withDataDir(dataDir)
                .withPartitions(options.partitions())
                .withServiceJvmOptions(Jvm.options(options.jvmOptions()))
                .withServiceProperty("fetch", "huixun.fetch.guard.allow", String.join(",", site.hostsAndPort()))
                .withServiceProperty("fetch", "huixun.fetch.politeness.default-delay", "0s")
                // The benchmark is one client sending thousands of submissions a minute; a batch costs 1,000 tokens.
                .withServiceProperty("fetch", "huixun.fetch.api.submissions-per-minute", "100000000")
                .withServiceProperty("fetch", "huixun.fetch.api.submission-burst", "1000000");
    }

    private LoadResult measure(Stack stack, PageServer site) throws IOException, InterruptedException {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.services().forEach(s -> pids.put(s.name(), s.pid()));
        stack.replicas().forEach(s -> pids.put(s.name(), s.pid()));
        pids.put("kafka", stack.kafka().pid());
        pids.put("postgres", stack.postgres().pid());
        pids.put("bench (page server)", ProcessHandle.current().pid());
        ProcessSampler processes = new ProcessSampler(pids, Set.of("postgres"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long begin = System.nanoTime();
        try (LagSampler lag = new LagSampler(stack.kafkaBootstrap(), GROUPS)) {
            ticker.scheduleAtFixedRate(() -> {
                processes.sample();
                lag.sample((System.nanoTime() - begin) / 1e9);
            }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            int accepted = submit(stack.fetchUrl(), site, begin);
            Duration submitting = Duration.ofNanos(System.nanoTime() - begin);
            out.printf("bench: %d of %d accepted in %.1f s%n", accepted, options.pages(), submitting.toMillis() / 1e3);
            long finished = awaitFinal(stack.postgres(), accepted, begin);
            Duration wall = Duration.ofNanos(System.nanoTime() - begin);
            Duration drain = awaitDrained(lag);
            long deadLettered = lag.deadLettered();
            ticker.shutdown();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            TimelineQueries timeline = new TimelineQueries(stack.postgres());
            return new LoadResult(Instant.now(), options.pages(), accepted, finished, submitting, wall,
                    timeline.counts(), timeline.latencies(), timeline.latenciesAfter(WARM_UP), timeline.throughput(),
                    timeline.failures(),
                    processes.usage(), lag.readings(), drain, deadLettered, site.bytesServed());
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * Submits every page in batches, paced to the configured rate; the number the API accepted. Requests go out
     * without waiting for the previous answer, so a slow answer does not slow the offered rate down.
     */
    private int submit(String fetchUrl, PageServer site, long begin) throws InterruptedException {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int first = 0; first < options.pages(); first += options.batch()) {
            if (options.rate() > 0) {
                long due = begin + (long) (first / options.rate() * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            List<String> urls = new ArrayList<>();
            for (int n = first; n < Math.min(options.pages(), first + options.batch()); n++) {
                urls.add(site.url(n));
            }
            int at = first;
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(fetchUrl + "/api/v1/submissions/batch"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(asJson(urls))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenApply(response -> accepted(at, response))
                    .exceptionally(e -> {
                        out.printf("bench: batch at %d failed: %s%n", at, e);
                        return 0;
                    }));
        }
        return answers.stream().mapToInt(CompletableFuture::join).sum();
    }

    private int accepted(int first, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            out.printf("bench: batch at %d refused: %d %s%n", first, response.statusCode(), response.body());
            return 0;
        }
        try {
            return json.readTree(response.body()).path("accepted").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String asJson(List<String> urls) {
        try {
            return json.writeValueAsString(urls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the lag readings show every group caught up (statuses and fingerprints may still be on their way
     * after the store says every article is final); how long that took, or null when it did not happen in two
     * minutes.
     */
    private static Duration awaitDrained(LagSampler lag) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DRAIN_LIMIT.toNanos()) {
            if (lag.drained()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return null;
    }

    /** Polls the store until {@code expected} articles are PUBLISHED or FAILED or the timeout passes. */
    private long awaitFinal(PostgresServer postgres, int expected, long begin) throws InterruptedException {
        long deadline = begin + options.timeout().toNanos();
        long finished = 0;
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            finished = Long.parseLong(postgres.psql(PostgresServer.DATABASE,
                    "select count(*) from article where status in ('PUBLISHED', 'FAILED')"));
            if (finished >= expected) {
                break;
            }
            if (System.nanoTime() - lastReport > 10e9) {
                out.printf("bench: %d of %d done after %.0f s%n", finished, expected, (System.nanoTime() - begin) / 1e9);
                lastReport = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return finished;
    }

}
