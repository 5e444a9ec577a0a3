package huixun.fetch.feed;

import com.sun.net.httpserver.HttpServer;
import huixun.contracts.events.Origin;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions through the API, polled explicitly ({@code %test} turns the timer off) against a loopback RSS server
 * that answers conditional requests: new items only are submitted, with the feed as their origin, and a 304 does no
 * work.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FeedPollingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> CATEGORIES = List.of("金融", "新浪财经", "新浪财经－国內");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    FeedPoller poller;

    @Inject
    Pool pool;

    private InMemorySink<Record<String, SubmissionAccepted>> submissions;
    private HttpServer server;
    private final List<String> items = new CopyOnWriteArrayList<>();
    /** If-None-Match of every feed request, "" when absent. */
    private final List<String> conditions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        submissions = connector.sink("submissions-out");
        submissions.clear();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            String etag = "\"v" + items.size() + "\"";
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(condition == null ? "" : condition);
            if (etag.equals(condition)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                    + "<channel><title>测试频道</title><link>http://127.0.0.1/</link><description>d</description>");
            items.forEach(item -> rss.append("<item><title>t</title><link>").append(item).append("</link></item>"));
            byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    private String item(int n) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/news/" + n + ".html";
    }

    private void makeDue(String id) {
        pool.query("UPDATE \"fetch\".feed SET next_poll_at = now() WHERE id = '" + id + "'").execute()
                .await().atMost(PATIENCE);
    }

    private int poll() {
        return poller.pollDue().await().atMost(PATIENCE);
    }

    private List<SubmissionAccepted> submitted() {
        return submissions.received().stream().map(m -> m.getPayload().value()).toList();
    }

    @Test
    void newItemsOnlyAreSubmittedWithTheFeedAsOriginAndA304DoesNoWork() {
        items.addAll(List.of(item(1), item(2), item(3)));
        String id = given().contentType(ContentType.JSON)
                .body("{\"url\": \"" + feedUrl() + "\", \"intervalSeconds\": 60, \"categories\": "
                        + "[\"金融\", \"新浪财经\", \"新浪财经－国內\"]}")
                .when().post("/api/v1/feeds")
                .then().statusCode(201).header("Location", containsString("/api/v1/feeds/"))
                .body("url", equalTo(feedUrl())).body("intervalSeconds", equalTo(60))
                .extract().path("id");

        assertEquals(3, poll());
        assertEquals(3, submitted().size());
        SubmissionAccepted first = submitted().get(0);
        assertEquals(new Origin(id, feedUrl(), "测试频道", CATEGORIES), first.origin());
        assertTrue(submitted().stream().noneMatch(SubmissionAccepted::refresh));

        assertEquals(0, poll(), "not due again before its interval");
        assertEquals(1, conditions.size());

        makeDue(id);
        assertEquals(0, poll());
        assertEquals(List.of("", "\"v3\""), conditions, "the second poll is conditional and answered 304");
        assertEquals(3, submitted().size());
        given().when().get("/api/v1/feeds/" + id).then().statusCode(200)
                .body("lastOutcome", equalTo("not_modified")).body("title", equalTo("测试频道"))
                .body("categories", equalTo(CATEGORIES));

        items.addAll(List.of(item(4), item(5)));
        makeDue(id);
        assertEquals(2, poll());
        // Items of one poll are submitted side by side, so only the set is certain.
        List<String> urls = submitted().stream().map(SubmissionAccepted::canonicalUrl).sorted().toList();
        assertEquals(List.of(item(1), item(2), item(3), item(4), item(5)), urls);
    }

    @Test
    void simultaneousFirstSubscriptionsOfOneUrlMakeOneSubscriptionAndNoError() {
        String body = "{\"url\": \"" + feedUrl() + "?race\"}";
        List<CompletableFuture<Integer>> answers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().contentType(ContentType.JSON).body(body).when().post("/api/v1/feeds").statusCode()))
                .toList();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(201, statuses.get(statuses.size() - 1), statuses.toString());
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 201), statuses.toString());
    }

    @Test
    void subscriptionsAreListedShownAndDeleted() {
        String body = "{\"url\": \"" + feedUrl() + "?list\"}";
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/feeds")
                .then().statusCode(201).body("intervalSeconds", equalTo(900)).extract().path("id");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/feeds")
                .then().statusCode(200).body("id", equalTo(id));

        given().when().get("/api/v1/feeds").then().statusCode(200).body("id", hasItem(id));
        given().when().delete("/api/v1/feeds/" + id).then().statusCode(204);
        given().when().get("/api/v1/feeds/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/feed-not-found"));
        given().when().delete("/api/v1/feeds/" + id).then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAreRefused() {
        given().contentType(ContentType.JSON).body("{\"url\": \"ftp://example.cn/feed\"}")
                .when().post("/api/v1/feeds").then().statusCode(400).body("type", equalTo("/problems/invalid-url"));
        given().contentType(ContentType.JSON).body("{\"url\": \"" + feedUrl() + "\", \"intervalSeconds\": 5}")
                .when().post("/api/v1/feeds").then().statusCode(400).body("type", equalTo("/problems/invalid-feed"));
        given().contentType(ContentType.JSON)
                .body("{\"url\": \"" + feedUrl() + "\", \"categories\": [\"a\", \"b\", \"c\", \"d\"]}")
                .when().post("/api/v1/feeds").then().statusCode(400).body("type", equalTo("/problems/invalid-feed"));
        given().when().get("/api/v1/feeds/not-a-uuid").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-feed-id"));
    }
}
