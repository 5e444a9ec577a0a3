package huixun.fetch.submission;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submission API on the in-memory connector. Submissions go to the {@code submissions-out} sink only: the
 * in-memory connector does not feed them back to the fetch stage, so nothing here fetches a page.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class SubmissionResourceTest {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<Record<String, SubmissionAccepted>> submissions;
    private InMemorySink<Record<String, StatusChanged>> statuses;

    @BeforeEach
    void clearSinks() {
        submissions = connector.sink(SubmissionService.SUBMISSIONS_OUT);
        statuses = connector.sink("statuses-changed");
        submissions.clear();
        statuses.clear();
    }

    @Test
    void validUrlIsAcceptedWithLocationAndRecordedKeyedByHost() {
        String canonical = "https://news.example.cn/2021/08/02/a.html?id=7";
        String id = ArticleId.of(canonical);

        given().contentType(ContentType.JSON)
                .body("{\"url\": \"HTTPS://News.Example.CN:443/2021/08/02/a.html?utm_source=wx&id=7#top\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .header("Location", equalTo("http://localhost:8084/api/v1/articles/" + id))
                .body("id", equalTo(id))
                .body("submissionId", matchesPattern("[0-9a-f-]{36}"))
                .body("url", equalTo(canonical))
                .body("status", equalTo("RECEIVED"));

        List<? extends org.eclipse.microprofile.reactive.messaging.Message<Record<String, SubmissionAccepted>>>
                sent = submissions.received();
        assertEquals(1, sent.size());
        Record<String, SubmissionAccepted> record = sent.get(0).getPayload();
        assertEquals("news.example.cn", record.key());
        assertEquals(id, record.value().articleId());
        assertEquals(canonical, record.value().canonicalUrl());
        assertEquals("HTTPS://News.Example.CN:443/2021/08/02/a.html?utm_source=wx&id=7#top", record.value().url());

        StatusChanged received = statuses.received().get(0).getPayload().value();
        assertEquals(id, statuses.received().get(0).getPayload().key());
        assertEquals(ArticleStatus.RECEIVED, received.status());
        assertEquals(canonical, received.url());
        assertEquals(record.value().submissionId(), received.submissionId());
    }

    @Test
    void knownUrlIsAnsweredOkWithItsFirstSubmissionAndRefreshFetchesItAgain() {
        String body = "{\"url\": \"https://known.example.cn/story.html\"}";
        String id = ArticleId.of("https://known.example.cn/story.html");
        String first = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(202).extract().path("submissionId");

        given().contentType(ContentType.JSON).body("{\"url\": \"https://KNOWN.example.cn/story.html#x\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(200)
                .header("Location", equalTo("http://localhost:8084/api/v1/articles/" + id))
                .body("id", equalTo(id))
                .body("submissionId", equalTo(first))
                .body("status", nullValue());
        assertEquals(1, submissions.received().size(), "a known URL is not queued again");

        String refreshed = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions?refresh=true")
                .then().statusCode(202).body("id", equalTo(id)).body("status", equalTo("RECEIVED"))
                .extract().path("submissionId");

        assertEquals(2, submissions.received().size());
        SubmissionAccepted again = submissions.received().get(1).getPayload().value();
        assertTrue(again.refresh());
        assertEquals(refreshed, again.submissionId());
        assertNotEquals(first, refreshed);
        assertEquals(2, statuses.received().size(), "a RECEIVED status per queued submission");
    }

    @Test
    void invalidUrlIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"url\": \"ftp://example.cn/file.txt\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-url"))
                .body("title", equalTo("Invalid URL"))
                .body("status", equalTo(400))
                .body("detail", containsString("Only http and https"))
                .body("instance", equalTo("/api/v1/submissions"));
        assertEquals(0, submissions.received().size());
    }

    @Test
    void relativeUrlIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"url\": \"/news/1.html\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-url"))
                .body("detail", containsString("not absolute"));
    }

    @Test
    void missingUrlIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"link\": \"https://example.cn/\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-url"))
                .body("title", equalTo("Invalid URL"))
                .body("status", equalTo(400))
                .body("detail", containsString("\"url\""));
    }

    @Test
    void emptyBodyIsAProblem() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-url"))
                .body("status", equalTo(400))
                .body("detail", containsString("JSON object"));
    }

    @Test
    void bodyThatIsNotJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("url=https://example.cn/")
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("/problems/invalid-json"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue());
        assertEquals(0, submissions.received().size());
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("huixun_messages_total{outcome=\"processed\",stage=\"fetch\"}"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/submissions"))
                .body(containsString("Huixun fetch API"));
    }
}
