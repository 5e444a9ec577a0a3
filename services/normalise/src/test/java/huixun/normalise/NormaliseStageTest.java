package huixun.normalise;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Origin;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import huixun.normalise.extract.ArticleExtractor;
import huixun.normalise.extract.Extraction;
import huixun.normalise.extract.SamplePage;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage on the in-memory connector: pages in, articles and statuses out, and the HTTP endpoints. */
@QuarkusTest
class NormaliseStageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void samplePageBecomesAnArticleKeyedByItsId() {
        SamplePage sample = SamplePage.named("sina/");
        Origin origin = new Origin("feed-7", "https://rss.sina.com.cn/finance.xml", "新浪财经",
                List.of("news", "sina", "finance"));
        PageFetched plain = page(sample.url(), sample.charset(), sample.html());
        PageFetched page = new PageFetched(PageFetched.SCHEMA_VERSION, plain.articleId(), plain.submissionId(),
                plain.url(), plain.finalUrl(), 200, plain.contentType(), plain.charset(), plain.fetchedAt(),
                plain.html(), origin);
        CompletableFuture<Void> acked = sendAwaitingAck(page);

        // found by its key: the article is keyed by article id
        ArticleNormalised article = await().atMost(WAIT)
                .until(() -> valueFor(Topics.ARTICLES_NORMALISED, page.articleId(), ArticleNormalised.class),
                        Optional::isPresent).orElseThrow();
        assertEquals(page.articleId(), article.articleId());
        assertEquals(page.submissionId(), article.submissionId());
        assertEquals(sample.title(), article.title());
        assertTrue(article.text().contains(sample.firstSentence()), article.text());
        assertEquals(Instant.parse("2021-07-28T02:50:17Z"), article.publishedAt());
        assertEquals("zh", article.language());
        assertEquals(origin, article.origin());
        assertEquals("og:title", article.provenance().get("title"));

        StatusChanged status = awaitStatus(page.articleId());
        assertEquals(ArticleStatus.NORMALISED, status.status());
        assertEquals("normalise", status.stage());
        await().atMost(WAIT).until(acked::isDone);
    }

    @Test
    void emptyPageFailsWithNoArticleAndIsAcknowledged() {
        PageFetched page = page("http://127.0.0.1:8090/empty.html", "UTF-8", "");
        CompletableFuture<Void> acked = sendAwaitingAck(page);

        StatusChanged status = awaitStatus(page.articleId());
        assertEquals(ArticleStatus.FAILED, status.status());
        assertEquals(FailureReason.NOT_AN_ARTICLE, status.reason());
        await().atMost(WAIT).until(acked::isDone);
        assertTrue(valueFor(Topics.ARTICLES_NORMALISED, page.articleId(), ArticleNormalised.class).isEmpty());
    }

    @Test
    void unexpectedFailureReportsProcessingErrorAndNacks() throws InvalidRulesException {
        String explodingUrl = "http://127.0.0.1:8090/explodes.html";
        BoilerplateRules rules = BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE);
        // the real extractor, except for one URL: there is no other way to make it throw; installed for this test only
        QuarkusMock.installMockForType(new ArticleExtractor(rules, 2_000_000, 50) {
            @Override
            public Extraction extract(String html, String baseUrl) {
                if (explodingUrl.equals(baseUrl)) {
                    throw new IllegalStateException("extractor failure for the test");
                }
                return super.extract(html, baseUrl);
            }
        }, ArticleExtractor.class);
        PageFetched page = page(explodingUrl, "UTF-8", "<p>anything</p>");
        CompletableFuture<Throwable> nacked = new CompletableFuture<>();
        connector.source(Topics.PAGES_FETCHED).send(Message.of(page).withNack(failure -> {
            nacked.complete(failure);
            return CompletableFuture.completedFuture(null);
        }));

        StatusChanged status = awaitStatus(page.articleId());
        assertEquals(ArticleStatus.FAILED, status.status());
        assertEquals(FailureReason.PROCESSING_ERROR, status.reason());
        Throwable failure = await().atMost(WAIT).until(() -> nacked.getNow(null), f -> f != null);
        assertEquals(IllegalStateException.class, failure.getClass());

        // the channel keeps consuming after a nack
        SamplePage sample = SamplePage.named("guancha/");
        PageFetched next = page(sample.url() + "?after-failure", sample.charset(), sample.html());
        connector.source(Topics.PAGES_FETCHED).send(next);
        assertEquals(ArticleStatus.NORMALISED, awaitStatus(next.articleId()).status());
    }

    @Test
    void pageOverTheTimeLimitFailsWithTimeoutAndIsAcknowledged() throws InvalidRulesException {
        // a limit every page exceeds, installed for this test only: the outcome does not depend on the machine's speed
        QuarkusMock.installMockForType(new ArticleExtractor(
                BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE), 2_000_000, 50, Duration.ZERO,
                Long.MAX_VALUE), ArticleExtractor.class);
        String nested = "<html><body>" + "<div>".repeat(100_000) + "<p>正文</p>" + "</div>".repeat(100_000)
                + "</body></html>";
        PageFetched page = page("http://127.0.0.1:8090/nested.html", "UTF-8", nested);
        CompletableFuture<Void> acked = sendAwaitingAck(page);

        StatusChanged status = awaitStatus(page.articleId());
        assertEquals(ArticleStatus.FAILED, status.status());
        assertEquals(FailureReason.TIMEOUT, status.reason());
        assertEquals("normalise", status.stage());
        assertTrue(status.detail().startsWith("extraction took more than 0 ms of CPU time"), status.detail());
        await().atMost(WAIT).until(acked::isDone);
    }

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("boilerplate-rules"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("huixun_messages_total"));
        given().when().get("/q/openapi").then().statusCode(200);
    }

    /** Sends a page; the future completes when the stage acknowledges it. */
    private CompletableFuture<Void> sendAwaitingAck(PageFetched page) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        connector.source(Topics.PAGES_FETCHED).send(Message.of(page).withAck(() -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }

    private StatusChanged awaitStatus(String articleId) {
        return await().atMost(WAIT)
                .until(() -> valueFor(Topics.STATUSES_CHANGED, articleId, StatusChanged.class), Optional::isPresent)
                .orElseThrow();
    }

    /** The value of the first record keyed {@code articleId} on an outgoing channel. */
    private <T> Optional<T> valueFor(String channel, String articleId, Class<T> type) {
        List<? extends Message<?>> received = List.copyOf(connector.sink(channel).received());
        return received.stream()
                .map(message -> (Record<?, ?>) message.getPayload())
                .filter(record -> articleId.equals(record.key()))
                .map(record -> type.cast(record.value()))
                .findFirst();
    }

    private static PageFetched page(String url, String charset, String html) {
        return new PageFetched(ArticleId.of(url), UUID.randomUUID().toString(), url, url, 200,
                "text/html; charset=" + charset, charset, Instant.now(), html);
    }
}
