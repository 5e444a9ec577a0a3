package huixun.publish;

import huixun.contracts.ArticleStatus;
import huixun.contracts.FailureReason;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.StatusChanged;
import huixun.publish.Events.NewArticle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two consumers against a real PostgreSQL; outcomes read back through the article API. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PublishStageTest {
    @Inject
    @Any
    InMemoryConnector connector;

    private ChannelFeed feed;
    private NewArticle article;
    private String submission;
    private Instant received;

    @BeforeEach
    void newArticle() {
        feed = new ChannelFeed(connector);
        article = NewArticle.next();
        submission = Events.submission();
        received = Instant.now();
    }

    @Test
    void receivedThenClassifiedIsPublishedWithItsContent() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "广东出口增长", Instant.now()));

        JsonPath stored = read(article.id());
        assertEquals("PUBLISHED", stored.getString("status"));
        assertEquals(submission, stored.getString("submissionId"));
        assertEquals(article.url(), stored.getString("url"));
        assertEquals(article.url() + "?from=redirect", stored.getString("finalUrl"));
        assertEquals("广东出口增长", stored.getString("title"));
        assertEquals("第一段。\n\n第二段。", stored.getString("text"));
        assertEquals("<p>第一段。</p><p>第二段。</p>", stored.getString("html"));
        assertEquals("记者 王某", stored.getString("author"));
        assertEquals("zh", stored.getString("language"));
        assertEquals(Events.PUBLISHED_AT, Instant.parse(stored.getString("publishedAt")));
        assertEquals(List.of("04000000", "11000000"), stored.getList("topics.code"));
        assertEquals(0.91, stored.getDouble("topics[0].score"), 1e-9);
        assertEquals(List.of("CN-GD"), stored.getList("regions.code"));
        assertEquals("广东", stored.getString("regions[0].name"));
        assertEquals(List.of("RECEIVED", "PUBLISHED"), stored.getList("timeline.status"));
        assertEquals(List.of("fetch", "publish"), stored.getList("timeline.stage"));
    }

    @Test
    void sameClassifiedTwiceLeavesOneArticleAndOnePublishedEntry() {
        ArticleClassified classified = Events.classified(article, submission, "标题", Instant.now());
        feed.deliver(Topics.ARTICLES_CLASSIFIED, classified);
        JsonPath first = read(article.id());

        feed.deliver(Topics.ARTICLES_CLASSIFIED, classified);

        JsonPath second = read(article.id());
        assertEquals(List.of("PUBLISHED"), second.getList("timeline.status"));
        assertEquals(first.getString("updatedAt"), second.getString("updatedAt"));
        assertEquals(first.prettify(), second.prettify());
        assertEquals(1, given().queryParam("size", 100).get("/api/v1/articles").jsonPath()
                .getList("items.findAll { it.id == '" + article.id() + "' }").size());
    }

    @Test
    void sameStatusTwiceIsRecordedOnce() {
        StatusChanged fetched = Events.status(article, submission, ArticleStatus.FETCHED, "fetch", received);
        feed.deliver(Topics.STATUSES_CHANGED, fetched);
        JsonPath first = read(article.id());

        feed.deliver(Topics.STATUSES_CHANGED, fetched);

        JsonPath second = read(article.id());
        assertEquals(List.of("FETCHED"), second.getList("timeline.status"));
        assertEquals(first.prettify(), second.prettify());
    }

    @Test
    void statusOfAnUnknownArticleCreatesIt() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.NORMALISED,
                "normalise", received));

        JsonPath stored = read(article.id());
        assertEquals("NORMALISED", stored.getString("status"));
        assertEquals(article.url(), stored.getString("url"));
        assertNull(stored.getString("title"));
        assertEquals(List.of(), stored.getList("topics"));
    }

    @Test
    void lateClassifiedStatusDoesNotUndoPublished() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "标题", Instant.now()));

        // classify's CLASSIFIED travels through statuses-changed and may arrive after its article was stored.
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.CLASSIFIED,
                "classify", received.plusSeconds(2)));

        JsonPath stored = read(article.id());
        assertEquals("PUBLISHED", stored.getString("status"));
        assertTrue(stored.getList("timeline.status").contains("CLASSIFIED"));
    }

    @Test
    void failedIsShownWithItsReasonAndStaysFinal() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        feed.deliver(Topics.STATUSES_CHANGED, Events.failed(article, submission, "fetch", FailureReason.http(404),
                "the server answered 404 Not Found", received.plusSeconds(1)));
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.NORMALISED,
                "normalise", received.plusSeconds(2)));

        JsonPath stored = read(article.id());
        assertEquals("FAILED", stored.getString("status"));
        assertEquals("http_404", stored.getString("reason"));
        assertEquals("the server answered 404 Not Found", stored.getString("detail"));
        assertEquals(List.of("RECEIVED", "FAILED", "NORMALISED"), stored.getList("timeline.status"));
        assertEquals("http_404", stored.getString("timeline[1].reason"));
    }

    @Test
    void refetchShowsTheNewSubmissionAndKeepsTheOldOnesStatusesInTheTimeline() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "第一版", Instant.now()));
        String refetch = Events.submission();

        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, refetch, ArticleStatus.RECEIVED, "fetch",
                received.plusSeconds(60)));
        // A straggler of the first submission changes nothing the article shows.
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.CLASSIFIED,
                "classify", received.plusSeconds(61)));

        JsonPath stored = read(article.id());
        assertEquals("RECEIVED", stored.getString("status"));
        assertEquals(refetch, stored.getString("submissionId"));
        assertEquals("第一版", stored.getString("title"));
        assertEquals(4, stored.getList("timeline").size());

        feed.deliver(Topics.STATUSES_CHANGED, Events.failed(article, refetch, "fetch", FailureReason.TIMEOUT,
                null, received.plusSeconds(62)));
        assertEquals("FAILED", read(article.id()).getString("status"));
    }

    @Test
    void receivedOfAnEarlierSubmissionArrivingLateDoesNotTakeOver() {
        String earlier = Events.submission();
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, earlier, ArticleStatus.RECEIVED, "fetch",
                received.minusSeconds(60)));

        assertEquals(submission, read(article.id()).getString("submissionId"));
    }

    @Test
    void olderClassificationDoesNotReplaceNewerContent() {
        Instant now = Instant.now();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "新", now));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, Events.submission(), "旧",
                now.minusSeconds(30)));

        assertEquals("新", read(article.id()).getString("title"));
    }

    @Test
    void invalidStatusIsRejected() {
        StatusChanged noId = new StatusChanged(StatusChanged.SCHEMA_VERSION, "not-an-id", submission, article.url(),
                ArticleStatus.FETCHED, "fetch", null, null, received);

        Throwable reason = feed.reject(Topics.STATUSES_CHANGED, noId);

        assertTrue(reason.getMessage().contains("not an article id"), reason::toString);
    }

    @Test
    void classifiedThatCannotBeStoredIsRejectedAndMarksTheSubmissionFailed() {
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                received));
        ArticleClassified valid = Events.classified(article, submission, "标题", Instant.now());
        ArticleClassified inconsistent = new ArticleClassified(valid.schemaVersion(), article.id(), submission,
                Events.classified(NewArticle.next(), submission, "别的", Instant.now()).article(), valid.topics(),
                valid.regions(), valid.classifiedAt(), null, null, null, null, null);

        feed.reject(Topics.ARTICLES_CLASSIFIED, inconsistent);

        JsonPath stored = read(article.id());
        assertEquals("FAILED", stored.getString("status"));
        assertEquals(FailureReason.PROCESSING_ERROR, stored.getString("reason"));
        assertEquals("publish", stored.getString("timeline[1].stage"));
    }

    private static JsonPath read(String id) {
        return given().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
