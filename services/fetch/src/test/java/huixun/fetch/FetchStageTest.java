package huixun.fetch;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.events.Origin;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetch stage end to end on the in-memory connector, against {@link PageServer} on 127.0.0.1 (allowed by
 * {@code %test.huixun.fetch.guard.allow}). Every case checks what reached the sinks and whether the submission was
 * acknowledged (expected outcomes) or nacked (dead-lettered).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FetchStageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static PageServer server;

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<Message<SubmissionAccepted>> submissions;
    private InMemorySink<Record<String, PageFetched>> pages;
    private InMemorySink<Record<String, StatusChanged>> statuses;

    @BeforeAll
    static void startServer() throws IOException {
        server = new PageServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        // Kafka delivers records on a Vert.x context; so does this source.
        submissions = connector.<Message<SubmissionAccepted>>source("submissions-accepted").runOnVertxContext(true);
        pages = connector.sink("pages-fetched");
        statuses = connector.sink("statuses-changed");
    }

    /** What came of one submission. */
    private record Result(String settlement, StatusChanged status, PageFetched page) {
        void assertFailed(String reason) {
            assertEquals(ArticleStatus.FAILED, status.status(), status.toString());
            assertEquals(reason, status.reason(), status.detail());
            assertEquals("ack", settlement, "expected failures are acknowledged, not dead-lettered");
            assertNull(page);
        }

        PageFetched assertFetched() {
            assertEquals(ArticleStatus.FETCHED, status.status(), status.toString());
            assertEquals("ack", settlement);
            assertTrue(page != null, "the page is published before its FETCHED status");
            return page;
        }
    }

    private Result fetch(String url) {
        return fetch(new SubmissionAccepted(ArticleId.of(url), UUID.randomUUID().toString(), url, url,
                Instant.now()));
    }

    private Result fetch(SubmissionAccepted submission) {
        String url = submission.canonicalUrl();
        AtomicReference<String> settlement = new AtomicReference<>();
        submissions.send(Message.of(submission,
                () -> {
                    settlement.set("ack");
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    settlement.set("nack");
                    return CompletableFuture.completedFuture(null);
                }));
        StatusChanged status = await().atMost(PATIENCE).until(() -> statusOf(submission), Optional::isPresent)
                .orElseThrow();
        // The page (if any) was sent before the status, so it is in the sink now.
        PageFetched page = pages.received().stream().map(m -> m.getPayload().value())
                .filter(p -> p.submissionId().equals(submission.submissionId())).findFirst().orElse(null);
        await().atMost(PATIENCE).until(() -> settlement.get() != null);
        assertEquals(submission.articleId(), status.articleId());
        assertEquals(url, status.url());
        assertEquals("fetch", status.stage());
        return new Result(settlement.get(), status, page);
    }

    private Optional<StatusChanged> statusOf(SubmissionAccepted submission) {
        return statuses.received().stream().map(m -> m.getPayload().value())
                .filter(s -> s.submissionId().equals(submission.submissionId())).findFirst();
    }

    @Test
    void utf8PageIsPublishedKeyedByArticleIdThenFetched() {
        String url = server.url("/utf8");
        PageFetched page = fetch(url).assertFetched();
        assertTrue(page.html().contains(PageServer.SIMPLIFIED), page.html());
        assertEquals("UTF-8", page.charset());
        assertEquals(200, page.httpStatus());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals(url, page.url());
        assertEquals(url, page.finalUrl());
        assertTrue(pages.received().stream().anyMatch(m -> m.getPayload().key().equals(ArticleId.of(url))));
        assertEquals("Huixun/0.1 (+https://github.com/huixun/huixun)", server.userAgent("/utf8"));
    }

    @Test
    void gbkPageWithCharsetOnlyInTheHeaderIsDecoded() {
        PageFetched page = fetch(server.url("/gbk")).assertFetched();
        assertEquals("GB18030", page.charset());
        assertTrue(page.html().contains(PageServer.SIMPLIFIED), page.html());
    }

    @Test
    void big5PageWithCharsetOnlyInMetaIsDecoded() {
        PageFetched page = fetch(server.url("/big5")).assertFetched();
        assertEquals("Big5-HKSCS", page.charset());
        assertTrue(page.html().contains(PageServer.TRADITIONAL), page.html());
    }

    @Test
    void pageWithoutContentTypeIsTreatedAsHtml() {
        PageFetched page = fetch(server.url("/untyped")).assertFetched();
        assertNull(page.contentType());
        assertTrue(page.html().contains(PageServer.SIMPLIFIED), page.html());
    }

    @Test
    void gzipPageIsInflated() {
        PageFetched page = fetch(server.url("/gzip")).assertFetched();
        assertTrue(page.html().contains(PageServer.SIMPLIFIED), page.html());
    }

    @Test
    void feedOriginTravelsWithThePage() {
        String url = server.url("/utf8");
        Origin origin = new Origin("feed-1", "https://news.example.cn/rss.xml", "要闻", List.of("金融", "新浪财经", "要闻"));
        PageFetched page = fetch(new SubmissionAccepted(SubmissionAccepted.SCHEMA_VERSION, ArticleId.of(url),
                UUID.randomUUID().toString(), url, url, Instant.now(), true, origin)).assertFetched();

        assertEquals(origin, page.origin());
    }

    @Test
    void notFoundFailsWithHttpStatus() {
        Result result = fetch(server.url("/missing"));
        result.assertFailed(FailureReason.http(404));
        assertTrue(result.status().detail().contains("404"), result.status().detail());
    }

    @Test
    void redirectChainIsFollowedToTheFinalPage() {
        String url = server.url("/chain/1");
        PageFetched page = fetch(url).assertFetched();
        assertEquals(url, page.url());
        assertEquals(server.url("/utf8"), page.finalUrl());
        assertTrue(page.html().contains(PageServer.SIMPLIFIED), page.html());
    }

    @Test
    void redirectLoopFails() {
        Result result = fetch(server.url("/loop/a"));
        result.assertFailed(FailureReason.TOO_MANY_REDIRECTS);
        assertTrue(result.status().detail().contains("loop"), result.status().detail());
    }

    @Test
    void moreThanFiveRedirectsFail() {
        Result result = fetch(server.url("/hops/0"));
        result.assertFailed(FailureReason.TOO_MANY_REDIRECTS);
        assertTrue(result.status().detail().contains("/hops/6"), result.status().detail());
    }

    @Test
    void pageOverTheCapIsCutWhileStreaming() {
        fetch(server.url("/huge")).assertFailed(FailureReason.TOO_LARGE);
    }

    @Test
    void capCountsBytesAfterDecompression() {
        fetch(server.url("/gzip-bomb")).assertFailed(FailureReason.TOO_LARGE);
    }

    @Test
    void pdfIsUnsupported() {
        Result result = fetch(server.url("/pdf"));
        result.assertFailed(FailureReason.UNSUPPORTED_CONTENT_TYPE);
        assertTrue(result.status().detail().contains("application/pdf"), result.status().detail());
    }

    @Test
    void redirectToLoopbackOutsideTheAllowListIsBlocked() {
        Result result = fetch(server.url("/to-unlisted-loopback"));
        result.assertFailed(FailureReason.BLOCKED_ADDRESS);
        assertTrue(result.status().detail().contains("127.0.0.2"), result.status().detail());
    }

    @Test
    void redirectToIpv6LoopbackIsBlocked() {
        fetch(server.url("/to-ipv6-loopback")).assertFailed(FailureReason.BLOCKED_ADDRESS);
    }

    @Test
    void redirectToAnotherSchemeIsInvalid() {
        fetch(server.url("/to-ftp")).assertFailed(FailureReason.INVALID_URL);
    }

    @Test
    void loopbackOutsideTheAllowListIsBlocked() {
        fetch("http://127.0.0.2:" + server.port() + "/utf8").assertFailed(FailureReason.BLOCKED_ADDRESS);
    }

    @Test
    void refusedConnectionFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        fetch("http://127.0.0.1:" + closedPort + "/").assertFailed(FailureReason.CONNECTION_FAILED);
    }

    @Test
    void silentServerTimesOut() {
        // %test.huixun.fetch.http.idle-timeout keeps this short.
        fetch(server.url("/stall")).assertFailed(FailureReason.TIMEOUT);
    }

    @Test
    void malformedSubmissionIsDeadLetteredWithProcessingError() {
        Result result = fetch("not a url");
        assertEquals(ArticleStatus.FAILED, result.status().status());
        assertEquals(FailureReason.PROCESSING_ERROR, result.status().reason());
        assertEquals("nack", result.settlement());
    }

    @Test
    void outcomesAreCounted() {
        fetch(server.url("/utf8")).assertFetched();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("huixun_messages_total{outcome=\"processed\",stage=\"fetch\"}"))
                .body(containsString("huixun_stage_duration_seconds_count{outcome=\"processed\",stage=\"fetch\"}"));
    }
}
