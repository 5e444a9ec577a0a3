package huixun.fetch.submission;

import huixun.contracts.ArticleId;
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

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/submissions/batch}: per-line results, invalid lines reported, valid ones accepted. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class BatchSubmissionTest {
    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<Record<String, SubmissionAccepted>> submissions;

    @BeforeEach
    void clearSinks() {
        submissions = connector.sink(SubmissionService.SUBMISSIONS_OUT);
        submissions.clear();
    }

    @Test
    void jsonArrayOfStringsAndObjectsIsAcceptedLineByLine() {
        String canonical = "https://news.example.cn/a.html";
        given().contentType(ContentType.JSON)
                .body("[\"HTTPS://News.Example.CN/a.html?utm_source=x\", {\"url\": \"ftp://x.example/\"}, "
                        + "{\"link\": \"https://b.example/\"}, {\"url\": \"https://b.example/2\"}]")
                .when().post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results[0].line", equalTo(1))
                .body("results[0].status", equalTo(202))
                .body("results[0].id", equalTo(ArticleId.of(canonical)))
                .body("results[0].url", equalTo(canonical))
                .body("results[0].location", equalTo("http://localhost:8084/api/v1/articles/"
                        + ArticleId.of(canonical)))
                .body("results[0].problem", nullValue())
                .body("results[1].status", equalTo(400))
                .body("results[1].problem.type", equalTo("/problems/invalid-url"))
                .body("results[2].status", equalTo(400))
                .body("results[2].problem.detail", containsString("holds no URL"))
                .body("results[3].status", equalTo(202));
        assertEquals(2, submissions.received().size());
    }

    @Test
    void ndjsonLinesAreNumberedAndBadLinesReported() {
        given().contentType("application/x-ndjson")
                .body("{\"url\": \"https://c.example/1\"}\n\nnot json\n\"https://c.example/2\"\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("results[0].line", equalTo(1))
                .body("results[1].line", equalTo(3))
                .body("results[1].problem.detail", containsString("not JSON"))
                .body("results[2].line", equalTo(4))
                .body("results[2].url", equalTo("https://c.example/2"));
    }

    @Test
    void knownLinesAreAnsweredOkAndRefreshQueuesThemAgain() {
        String body = "[\"https://f.example/1\", \"https://f.example/2\"]";
        given().contentType(ContentType.JSON).body("[\"https://f.example/1\"]")
                .when().post("/api/v1/submissions/batch").then().statusCode(200).body("accepted", equalTo(1));

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("known", equalTo(1)).body("rejected", equalTo(0))
                .body("results[0].status", equalTo(200))
                .body("results[0].id", equalTo(ArticleId.of("https://f.example/1")))
                .body("results[1].status", equalTo(202));
        assertEquals(2, submissions.received().size());

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions/batch?refresh=true")
                .then().statusCode(200).body("accepted", equalTo(2)).body("known", equalTo(0));
        assertEquals(4, submissions.received().size());
        assertTrue(submissions.received().subList(2, 4).stream().allMatch(m -> m.getPayload().value().refresh()));
    }

    @Test
    void moreThanAThousandLinesAreRefused() {
        String body = IntStream.range(0, 1001).mapToObj(i -> "\"https://d.example/" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/submissions/batch")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/batch-too-large"));
        assertEquals(0, submissions.received().size());
    }

    @Test
    void aThousandLinesAreAccepted() {
        String body = IntStream.range(0, 1000).mapToObj(i -> "https://e.example/" + i)
                .map(url -> "{\"url\": \"" + url + "\"}").collect(Collectors.joining("\n"));
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(1000))
                .body("results[999].line", equalTo(1000));
        assertEquals(1000, submissions.received().size());
    }

    @Test
    void aBodyThatIsNotABatchIsRefused() {
        given().contentType(ContentType.JSON).body("{\"url\": \"https://a.example/\"}")
                .when().post("/api/v1/submissions/batch")
                .then().statusCode(400)
                .body("type", equalTo("/problems/invalid-batch"));
    }
}
