package huixun.fetch.submission;

import huixun.fetch.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The production setting of the write endpoints: a bearer token and a tight rate limit ({@link Production}), which
 * {@code %test} otherwise turns off or loosens.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@TestProfile(WriteAccessTest.Production.class)
class WriteAccessTest {
    private static final String TOKEN = "test-token-9f1c";
    private static final String BODY = "{\"url\": \"https://news.example.cn/a.html\"}";

    /** Auth on, a burst of three submissions, then one a minute. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("huixun.fetch.api.auth-enabled", "true", "huixun.fetch.api.token", TOKEN,
                    "huixun.fetch.api.submissions-per-minute", "1", "huixun.fetch.api.submission-burst", "3");
        }
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    /** One sequence, as every write request (refused or not) takes from the same client's bucket of three. */
    @Test
    void writesNeedTheTokenAndAreRateLimitedPerClient() {
        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/api/v1/submissions")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"huixun\""))
                .body("type", equalTo("/problems/unauthorized"));
        given().contentType(ContentType.JSON).body(BODY).header("Authorization", "Bearer wrong")
                .when().post("/api/v1/submissions")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(BODY).header("Authorization", "Bearer " + TOKEN)
                .when().post("/api/v1/submissions")
                .then().statusCode(202);
        given().contentType(ContentType.JSON).body(BODY).header("Authorization", "Bearer " + TOKEN)
                .when().post("/api/v1/submissions")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rate-limited"))
                .body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
    }
}
