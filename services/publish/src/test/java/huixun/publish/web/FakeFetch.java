package huixun.publish.web;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for fetch's submission API on 127.0.0.1 (a JDK server on a free port): answers 202 with a new
 * submission id for an http(s) URL, 400 problem+json otherwise, and records what it was sent.
 */
public class FakeFetch implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "test-token";
    static final String SUBMISSION_ID = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";
    /** Each request as "Authorization header | body". */
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/submissions", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(exchange.getRequestHeaders().getFirst("Authorization") + " | " + body);
                boolean valid = body.contains("\"url\":\"http");
                byte[] answer = (valid
                        ? "{\"id\":\"0123456789abcdef\",\"submissionId\":\"" + SUBMISSION_ID
                                + "\",\"status\":\"RECEIVED\"}"
                        : "{\"type\":\"/problems/invalid-url\",\"title\":\"Invalid URL\",\"status\":400,"
                                + "\"detail\":\"url must be an absolute http or https URL\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", valid ? "application/json"
                        : "application/problem+json");
                exchange.sendResponseHeaders(valid ? 202 : 400, answer.length);
                out.write(answer);
            }
        });
        server.start();
        return Map.of("huixun.publish.web.fetch-base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "huixun.publish.web.fetch-token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
