package huixun.e2e;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import huixun.contracts.FailureReason;
import huixun.stack.Stack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address guard of the running stack (issue 9): every disguised or forbidden loopback address in
 * {@code bad-input/addresses.tsv}, submitted directly or reached through a redirect from an allowed page, is refused
 * — and the servers behind those addresses, which hold a real article, never see a request (not even for
 * robots.txt), so a guard that let one through could not go unnoticed.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AddressGuardIT {
    private static final String ARTICLE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Hidden article</title></head><body><article><h1>Hidden article</h1>"
            + "<p>This article sits on a loopback address that the stack's fetch must never reach. ".repeat(5)
            + "</p></article></body></html>";

    private static Stack stack;
    private static PipelineClient pipeline;
    private static final AtomicInteger HIDDEN_REQUESTS = new AtomicInteger();
    private static List<HttpServer> hidden;
    private static HttpServer redirector;
    /** Case id → the article id fetch accepted, or the problem type of a submission refused at the door. */
    private static final Map<String, Outcome> SUBMITTED = new LinkedHashMap<>();

    record Outcome(String articleId, String problemType) {
    }

    @BeforeAll
    static void serveAndSubmitEveryAddress() throws IOException {
        stack = SharedStack.stack();
        pipeline = new PipelineClient(stack);
        hidden = hiddenServers();
        int hiddenPort = hidden.get(0).getAddress().getPort();
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        redirector.createContext("/to", AddressGuardIT::redirect);
        redirector.start();
        String redirect = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/to?u=";
        for (String[] row : Corpus.table("bad-input/addresses.tsv", 3)) {
            String url = row[1].replace("{hidden}", Integer.toString(hiddenPort));
            if (url.startsWith("{redirect}")) {
                url = redirect + URLEncoder.encode(url.substring("{redirect}".length()), StandardCharsets.UTF_8);
            }
            SUBMITTED.put(row[0] + ": " + row[2], submit(url));
        }
    }

    @AfterAll
    static void stopServers() {
        Stream.concat(hidden == null ? Stream.empty() : hidden.stream(), Stream.ofNullable(redirector))
                .forEach(server -> server.stop(0));
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> everyDisguisedAddressIsRefused() {
        return SUBMITTED.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Outcome outcome = c.getValue();
            if (outcome.problemType() != null) {
                assertEquals("/problems/invalid-url", outcome.problemType());
                return;
            }
            JsonPath article = pipeline.awaitFinal(outcome.articleId());
            assertEquals("FAILED", article.getString("status"), "the guard let the address through");
            assertTrue(List.of(FailureReason.BLOCKED_ADDRESS, FailureReason.INVALID_URL)
                    .contains(article.getString("reason")), article.getString("reason") + ": "
                    + article.getString("detail"));
        }));
    }

    @Order(2)
    @Test
    void theHiddenServersNeverSawARequest() {
        assertEquals(0, HIDDEN_REQUESTS.get(), "requests that reached a forbidden address");
    }

    /** The article on 127.0.0.2 and [::1], on one port (tried until both binds succeed). */
    private static List<HttpServer> hiddenServers() throws IOException {
        for (int attempt = 0; ; attempt++) {
            HttpServer v4 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 16);
            try {
                HttpServer v6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"),
                        v4.getAddress().getPort()), 16);
                List<HttpServer> servers = List.of(v4, v6);
                servers.forEach(server -> {
                    server.createContext("/", AddressGuardIT::serveHidden);
                    server.start();
                });
                return servers;
            } catch (BindException e) {
                v4.stop(0);
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static void serveHidden(HttpExchange exchange) throws IOException {
        HIDDEN_REQUESTS.incrementAndGet();
        byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** {@code /to?u=<URL>} answers 302 to that URL, as it is written. */
    private static void redirect(HttpExchange exchange) throws IOException {
        String target = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("u=".length()),
                StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", target);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Outcome submit(String url) {
        Response response = given().baseUri(stack.fetchUrl()).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/v1/submissions");
        if (response.statusCode() == 400) {
            return new Outcome(null, response.jsonPath().getString("type"));
        }
        assertTrue(response.statusCode() == 202 || response.statusCode() == 200, "submission: " + response.asString());
        return new Outcome(response.jsonPath().getString("id"), null);
    }
}
