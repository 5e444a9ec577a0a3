package huixun.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback page server that records when each request arrived, for the politeness and retry cases. Paths:
 * {@code /robots.txt} (the given text, or 404 when null), {@code /page/*} (200), {@code /flaky/<status>/<n>/*}
 * ({@code status} with {@code Retry-After: 1} for the first {@code n} requests of that path, then 200),
 * {@code /down/*} (503 always).
 */
final class RecordingServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

    RecordingServer(String loopbackAddress, String robots) throws IOException {
        InetAddress address = InetAddress.getByName(loopbackAddress);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("tests serve from loopback only: " + loopbackAddress);
        }
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            List<Long> times = arrivals.computeIfAbsent(path, p -> new ArrayList<>());
            int seen;
            synchronized (times) {
                times.add(System.nanoTime());
                seen = times.size();
            }
            if (path.equals("/robots.txt")) {
                respond(exchange, robots == null ? 404 : 200, "text/plain", robots == null ? "" : robots);
            } else if (path.startsWith("/page/")) {
                respond(exchange, 200, "text/html; charset=utf-8", PageServer.html("", PageServer.SIMPLIFIED));
            } else if (path.startsWith("/flaky/")) {
                String[] parts = path.split("/");
                int status = Integer.parseInt(parts[2]);
                if (seen <= Integer.parseInt(parts[3])) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                    respond(exchange, status, "text/html", "busy");
                } else {
                    respond(exchange, 200, "text/html; charset=utf-8", PageServer.html("", PageServer.SIMPLIFIED));
                }
            } else if (path.startsWith("/down/")) {
                respond(exchange, 503, "text/html", "down");
            } else {
                respond(exchange, 404, "text/html", "not found");
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    /** Arrival times (System.nanoTime) of the requests for {@code path}, in order. */
    List<Long> arrivals(String path) {
        List<Long> times = arrivals.getOrDefault(path, List.of());
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    /** Arrival times of every request whose path starts with {@code prefix}, sorted. */
    List<Long> arrivalsUnder(String prefix) {
        List<Long> all = new ArrayList<>();
        arrivals.forEach((path, times) -> {
            if (path.startsWith(prefix)) {
                synchronized (times) {
                    all.addAll(times);
                }
            }
        });
        all.sort(Long::compare);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
