package huixun.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import huixun.stack.Stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Submits URLs to a running stack's fetch API and waits for publish to report the article's final status. */
final class PipelineClient {
    static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<String> FINAL = Set.of("PUBLISHED", "FAILED");

    private final Stack stack;

    PipelineClient(Stack stack) {
        this.stack = stack;
    }

    /** Submits {@code url}; fetch must accept it (202), or answer 200 for a URL it knows already. */
    JsonPath submit(String url) {
        return given().baseUri(stack.fetchUrl()).contentType(ContentType.JSON).body(Map.of("url", url))
                .post("/api/v1/submissions")
                .then().statusCode(anyOf(is(202), is(200))).extract().jsonPath();
    }

    /** The article {@code id} once it is PUBLISHED or FAILED. */
    JsonPath awaitFinal(String id) {
        AtomicReference<JsonPath> article = new AtomicReference<>();
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = given().baseUri(stack.publishUrl()).get("/api/v1/articles/" + id);
            if (response.statusCode() != 200) {
                return false;
            }
            article.set(response.jsonPath());
            return FINAL.contains(article.get().getString("status"));
        });
        return article.get();
    }
}
