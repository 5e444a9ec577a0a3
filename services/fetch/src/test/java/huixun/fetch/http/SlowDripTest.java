package huixun.fetch.http;

import com.sun.net.httpserver.HttpServer;
import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.guard.AddressGuard;
import huixun.fetch.url.WebUrl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that never falls silent long enough for the idle timeout (one byte every 200 ms) is still cut off by
 * the total timeout. Loopback only; limits shortened to 1 s total, 600 ms idle.
 */
class SlowDripTest {

    @Test
    void slowDripHitsTheTotalTimeout() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/drip", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                // The server's pace, not the test's: it drips until the client hangs up or the test ends.
                while (!stop.await(200, TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException | InterruptedException expected) {
                exchange.close();
            }
        });
        server.start();
        Vertx vertx = Vertx.vertx();
        WorkerExecutor worker = vertx.createSharedWorkerExecutor("drip", 1);
        try {
            FetchConfig config = new SmallRyeConfigBuilder().withMapping(FetchConfig.class)
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withSources(new PropertiesConfigSource(Map.of("huixun.fetch.http.total-timeout", "1s",
                            "huixun.fetch.http.idle-timeout", "600ms"), "test", 500))
                    .build().getConfigMapping(FetchConfig.class);
            PageClient client = new PageClient(vertx, new AddressGuard(List.of("127.0.0.1"), List.of(),
                    host -> {
                        throw new AssertionError("no lookups");
                    }), worker, config);
            FetchOutcome outcome = client.fetch(WebUrl.parse("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/drip")).await().atMost(Duration.ofSeconds(30));
            FetchOutcome.Failed failed = assertInstanceOf(FetchOutcome.Failed.class, outcome);
            assertEquals(FailureReason.TIMEOUT, failed.reason(), failed.detail());
            assertTrue(failed.detail().contains("did not complete within 1 s"), failed.detail());
        } finally {
            stop.countDown();
            worker.closeAndAwait();
            vertx.closeAndAwait();
            server.stop(0);
        }
    }
}
