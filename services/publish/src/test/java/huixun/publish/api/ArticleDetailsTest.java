package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Problem;
import huixun.contracts.Topics;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The contract fields of session 2 (people, keywords, duplicates, feed origin, page metadata, trace ids): stored,
 * served, filtered by, and the submission status endpoint.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ArticleDetailsTest {
    @Inject
    @Any
    InMemoryConnector connector;

    private ChannelFeed feed;

    @BeforeEach
    void feed() {
        feed = new ChannelFeed(connector);
    }

    @Test
    void everyContractFieldIsStoredAndServed() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                Instant.now()).withTraceId("4bf92f3577b34da6a3ce929d0e0e4736"));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(article, submission, "臺灣疫情", null, Instant.now()));

        for (String path : new String[] {"/api/v1/articles/{id}", "/api/v1/articles/{id}?version=1"}) {
            given().when().get(path, article.id())
                    .then().statusCode(200)
                    .body("people[0].code", is("陈建仁"))
                    .body("keywords[0].code", is("疫情"))
                    .body("simhash", is("0123456789abcdef"))
                    .body("contentHash", is("ab".repeat(32)))
                    .body("duplicateOf", nullValue())
                    .body("origin.feedId", is("feed-1"))
                    .body("origin.categories", contains("新媒体", "中央社", "要闻"))
                    .body("leadImage", is("https://img.example.test/lead.jpg"))
                    .body("modifiedAt", is("2026-11-21T09:00:00Z"))
                    .body("canonicalUrl", is(article.url() + "#canonical"))
                    .body("description", is("一句摘要"))
                    .body("siteCategories", contains("两岸", "台湾"))
                    .body("editor", is("王编辑"))
                    .body("originalTitle", is("原来的标题"))
                    .body("sourceName", is("中央社"))
                    .body("script", is("Hant"))
                    .body("textOriginal", is("臺灣地區發佈疫情通報。"));
        }
        given().when().get("/api/v1/articles/{id}", article.id())
                .then().body("timeline[0].traceId", is("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void theHexoPostFilesTheArticleAsItsFeedSays() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(article, submission, "臺灣疫情", null, Instant.now()));

        given().when().get("/api/v1/articles/{id}.md", article.id())
                .then().statusCode(200)
                .body(containsString("categories: \n - 新媒体\n - 中央社\n - 要闻\n"))
                .body(containsString("\nauthor: 中央社\n"))
                .body(containsString("\nheadimg: 'https://img.example.test/lead.jpg'\n"));
    }

    @Test
    void duplicatesAreHiddenUnlessAskedForAndPersonAndScriptFilter() {
        String host = "filters-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        NewArticle original = NewArticle.on(host);
        NewArticle duplicate = NewArticle.on(host);
        NewArticle plain = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(original, Events.submission(), "原文", null,
                Instant.now()));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(duplicate, Events.submission(), "转载",
                original.id(), Instant.now()));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(plain, Events.submission(), "别的",
                Instant.now()));

        given().queryParam("source", host).when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(original.id(), plain.id()));
        given().queryParam("source", host).queryParam("includeDuplicates", "true").when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(original.id(), duplicate.id(), plain.id()))
                .body("items.find { it.id == '" + duplicate.id() + "' }.duplicateOf", is(original.id()));
        given().queryParam("source", host).queryParam("person", "陈建仁").when().get("/api/v1/articles")
                .then().body("items.id", contains(original.id()));
        given().queryParam("source", host).queryParam("script", "Hant").queryParam("includeDuplicates", "true")
                .when().get("/api/v1/articles")
                .then().body("items.id", containsInAnyOrder(original.id(), duplicate.id()))
                .body("items[0].script", is("Hant"));
        given().queryParam("source", host).queryParam("script", "Hans").when().get("/api/v1/articles")
                .then().body("items", hasSize(0));
        given().when().get("/api/v1/people")
                .then().statusCode(200)
                .body("code", hasItem("陈建仁"));
    }

    @Test
    void redeliveryOfADetailedClassificationChangesNothing() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        var event = Events.detailed(article, submission, "臺灣疫情", null, Instant.now());
        feed.deliver(Topics.ARTICLES_CLASSIFIED, event);
        String first = given().when().get("/api/v1/articles/{id}", article.id()).then().extract().asString();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, event);

        given().when().get("/api/v1/articles/{id}", article.id()).then().body(is(first));
        given().when().get("/api/v1/articles/{id}/versions", article.id()).then().body("", hasSize(1));
    }

    @Test
    void aSubmissionShowsEveryStageItPassed() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                t0).withTraceId("0af7651916cd43dd8448eb211c80319c"));
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.FETCHED, "fetch",
                t0.plusSeconds(1)));
        feed.deliver(Topics.STATUSES_CHANGED, Events.failed(article, submission, "normalise", "no_article",
                "no article text found", t0.plusSeconds(2)));

        given().when().get("/api/v1/submissions/{id}", submission)
                .then().statusCode(200)
                .body("submissionId", is(submission))
                .body("articleId", is(article.id()))
                .body("url", is(article.url()))
                .body("status", is("FAILED"))
                .body("reason", is("no_article"))
                .body("timeline.status", contains("RECEIVED", "FETCHED", "FAILED"))
                .body("timeline.stage", contains("fetch", "fetch", "normalise"))
                .body("timeline[0].at", is("2026-11-26T10:00:00Z"))
                .body("timeline[0].traceId", is("0af7651916cd43dd8448eb211c80319c"))
                .body("timeline[2].detail", is("no article text found"));
    }

    @Test
    void unknownOrMalformedSubmissionsAreProblems() {
        given().when().get("/api/v1/submissions/{id}", UUID.randomUUID().toString())
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/submission-not-found"));
        given().when().get("/api/v1/submissions/{id}", "not a submission")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/invalid-submission-id"));
    }

    @Test
    void badFilterValuesAreProblemsNotErrors() {
        for (String[] bad : new String[][] {{"script", "latin"}, {"includeDuplicates", "maybe"},
                {"person", "x".repeat(101)}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/articles")
                    .then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString(bad[0]));
        }
    }
}
