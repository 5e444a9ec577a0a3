package huixun.publish.stream;

import huixun.contracts.Problem;
import huixun.contracts.Topics;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/stream} read by a real HTTP client as it arrives, line by line, the way an EventSource does:
 * only articles published after connecting that pass the filters arrive.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class StreamResourceTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @Test
    void newlyPublishedArticlesThatMatchArriveAsEvents() {
        String host = "stream-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        NewArticle before = NewArticle.on(host);
        NewArticle elsewhere = NewArticle.next();
        NewArticle matching = NewArticle.on(host);
        ChannelFeed feed = new ChannelFeed(connector);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(before, Events.submission(), "连接之前",
                Instant.now()));

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        URI filtered = URI.create(stream + "?source=" + URLEncoder.encode(host, StandardCharsets.UTF_8));
        HttpResponse<Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(filtered)
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .orTimeout(30, TimeUnit.SECONDS).join();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        try {
            feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(elsewhere, Events.submission(), "别处",
                    Instant.now()));
            feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(matching, Events.submission(), "连接之后",
                    Instant.now()));

            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains(matching.id())));
            List<String> events = lines.stream().filter(line -> line.startsWith("data:")).toList();
            assertEquals(1, events.size(), () -> "events: " + events);
            assertTrue(events.get(0).contains("\"title\":\"连接之后\""), events.get(0));
        } finally {
            response.body().close();
            reading.cancel(true);
        }
    }

    @Test
    void badFiltersAreProblemsBeforeAnyEvent() {
        given().queryParam("topic", "economy").when().get("/api/v1/stream")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/invalid-parameter"));
    }
}
