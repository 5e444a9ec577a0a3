package huixun.fetch.http;

import com.sun.net.httpserver.HttpServer;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.guard.AddressGuard;
import huixun.fetch.politeness.HostScheduler;
import huixun.fetch.url.WebUrl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A benchmark, not a check: {@code mvn -B install -pl services/fetch -Dtest=FetchThroughputBenchmarkTest
 * -Dbenchmark=true}. Fetches pages from a loopback JDK server through the real {@link PageClient} (guard, limits)
 * and {@link HostScheduler} with no politeness delay, 64 in flight, and prints pages/s and process CPU. Kafka and
 * charset decoding are not included. Skipped unless {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FetchThroughputBenchmarkTest {
    private static final int PAGES = 4000;

    @Test
    void fetchThroughputAgainstLoopback() throws Exception {
        byte[] page = ("<!DOCTYPE html><html><body>" + "<p>新闻正文</p>".repeat(2000) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            } catch (IOException e) {
                exchange.close();
            }
        });
        server.start();
        Vertx vertx = Vertx.vertx();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("bench", 8);
        FetchConfig config = new SmallRyeConfigBuilder().withMapping(FetchConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(FetchConfig.class);
        PageClient client = new PageClient(vertx, new AddressGuard(List.of("127.0.0.1"), List.of(),
                host -> { throw new AssertionError("no lookups"); }), worker, config);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/p/";
        try {
            for (int hosts : new int[] {1, 64}) {
                HostScheduler scheduler = new HostScheduler(64, PAGES, host -> Duration.ZERO, timer,
                        System::nanoTime);
                long cpuBefore = cpuNanos();
                long started = System.nanoTime();
                List<CompletableFuture<FetchOutcome>> results = new ArrayList<>();
                for (int i = 0; i < PAGES; i++) {
                    WebUrl url = WebUrl.parse(base + i);
                    // Scheduler keys stand for hosts: every request goes to the one loopback server.
                    results.add(scheduler.submit("host-" + (i % hosts),
                            () -> client.fetch(url).subscribeAsCompletionStage()).toCompletableFuture());
                }
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = (cpuNanos() - cpuBefore) / 1e9;
                long fetched = results.stream().filter(r -> r.join() instanceof FetchOutcome.Fetched).count();
                assertEquals(PAGES, fetched);
                System.out.printf("benchmark hosts=%d pages=%d page_bytes=%d seconds=%.2f pages_per_s=%.0f "
                                + "cpu_s=%.2f cores=%d heap_used_mb=%d%n", hosts, PAGES, page.length, seconds,
                        PAGES / seconds, cpu, Runtime.getRuntime().availableProcessors(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        } finally {
            timer.shutdownNow();
            worker.closeAndAwait();
            vertx.closeAndAwait();
            server.stop(0);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
