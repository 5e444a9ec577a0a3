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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** The article API, health, metrics and OpenAPI, against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ArticleResourceTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void listIsNewestFirstAndPaged() {
        ChannelFeed feed = new ChannelFeed(connector);
        List<NewArticle> created = List.of(NewArticle.next(), NewArticle.next(), NewArticle.next());
        for (NewArticle article : created) {
            // One at a time: each is stored (and so created) after the previous one.
            feed.deliver(Topics.ARTICLES_CLASSIFIED,
                    Events.classified(article, Events.submission(), "标题 " + article.id(), Instant.now()));
        }

        given().queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("page", is(0))
                .body("size", is(2))
                .body("total", greaterThanOrEqualTo(3))
                .body("items", hasSize(2))
                .body("items[0].id", is(created.get(2).id()))
                .body("items[1].id", is(created.get(1).id()))
                .body("items[0].url", is(created.get(2).url()))
                .body("items[0].title", is("标题 " + created.get(2).id()))
                .body("items[0].status", is("PUBLISHED"))
                .body("items[0].topic", is("04000000"))
                .body("items[0].region", is("CN-GD"))
                .body("items[0].language", is("zh"))
                .body("items[0].publishedAt", is(Events.PUBLISHED_AT.toString()))
                .body("items[0].updatedAt", startsWith("20"))
                .body("items[0]", hasKey("reason"));

        given().queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("page", is(1))
                .body("items[0].id", is(created.get(0).id()));
    }

    @Test
    void listDefaultsToTwentyFromTheFirstPage() {
        given().when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("page", is(0))
                .body("size", is(20));
    }

    @ParameterizedTest
    @CsvSource({"page, -1", "page, first", "size, 0", "size, 101", "size, ten"})
    void outOfRangePageOrSizeIsAProblem(String name, String value) {
        given().queryParam(name, value)
                .when().get("/api/v1/articles")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/invalid-parameter"))
                .body("status", is(400))
                .body("detail", containsString(name))
                .body("instance", is("/api/v1/articles"));
    }

    @Test
    void malformedIdIsAProblem() {
        given().when().get("/api/v1/articles/{id}", "NOT-AN-ID")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/invalid-article-id"))
                .body("title", is("Invalid article id"));
    }

    @Test
    void unknownIdIsNotFound() {
        String unknown = NewArticle.next().id();
        given().when().get("/api/v1/articles/{id}", unknown)
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/article-not-found"))
                .body("status", is(404))
                .body("detail", containsString(unknown));
    }

    @Test
    void unknownPathAndWrongMethodAreProblemsToo() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/http-404"));
        given().when().delete("/api/v1/articles")
                .then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/http-405"));
    }

    @Test
    void articleHasEveryDocumentedField() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        ChannelFeed feed = new ChannelFeed(connector);
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                Instant.now()));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "标题", Instant.now()));

        given().when().get("/api/v1/articles/{id}", article.id())
                .then().statusCode(200)
                .contentType("application/json")
                .body("keySet()", containsInAnyOrder("id", "url", "finalUrl", "submissionId",
                        "status", "reason", "detail", "title", "text", "html", "author", "language", "publishedAt",
                        "topics", "regions", "createdAt", "updatedAt", "timeline", "version", "people", "keywords",
                        "simhash", "contentHash", "duplicateOf", "origin", "leadImage", "modifiedAt", "canonicalUrl",
                        "description", "siteCategories", "editor", "originalTitle", "sourceName", "script",
                        "textOriginal"))
                .body("topics[0].keySet()", containsInAnyOrder("code", "name", "score"))
                .body("timeline[0].keySet()", containsInAnyOrder("status", "stage",
                        "reason", "detail", "at", "submissionId", "traceId"));
    }

    @Test
    void readyWhileTheDatabaseIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void metricsHaveTheStageCounters() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("huixun_messages_total"))
                .body(containsString("stage=\"publish\""));
    }

    @Test
    void openApiDescribesTheArticleEndpoints() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", is("Huixun publish API"))
                .body("paths.'/api/v1/articles'.get.summary", is("List articles"))
                .body("paths.'/api/v1/articles/{id}'.get.summary", is("Get an article"));
    }
}
