package huixun.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import huixun.stack.Stack;
import huixun.stack.service.ServiceProcess;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may write, against a running fetch (issue 9): the packaged fetch as production runs it — authentication on,
 * a bearer token, a per-client limit (here a burst of 4, then one a minute) — beside the shared stack and on its
 * database. It gets no broker (port 1 refuses every connection), so nothing that passes its gate can become a
 * submission and the shared stack's consumer group is left alone; the gate answers before the broker is needed.
 */
@ExtendWith(SharedStack.class)
class AccessIT {
    private static final String TOKEN = "it-" + UUID.randomUUID();
    private static final int BURST = 4;
    private static ServiceProcess fetch;

    @BeforeAll
    static void startAFetchWithAuthentication() {
        Stack stack = SharedStack.stack();
        Map<String, String> properties = new LinkedHashMap<>(stack.postgres().datasourceProperties());
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("kafka.bootstrap.servers", "127.0.0.1:1");
        // The shared stack's fetch polls the feeds; this one must not compete for them.
        properties.put("quarkus.scheduler.enabled", "false");
        properties.put("huixun.fetch.api.auth-enabled", "true");
        properties.put("huixun.fetch.api.token", TOKEN);
        properties.put("huixun.fetch.api.submission-burst", Integer.toString(BURST));
        properties.put("huixun.fetch.api.submissions-per-minute", "1");
        ServiceProcess.Config config = ServiceProcess.Config.of("fetch", stack.config().repoDir(),
                stack.config().dataDir(), 0, properties);
        fetch = ServiceProcess.launch(new ServiceProcess.Config("fetch-access", config.jar(), 0, properties,
                config.jvmOptions(), config.workDir(), config.logFile().resolveSibling("fetch-access.log"),
                config.readyTimeout()));
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> given().baseUri(fetch.url()).get("/q/health/live").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        if (fetch != null) {
            fetch.close();
        }
    }

    @Test
    void writesNeedTheTokenReadsDoNotAndAClientOverItsLimitGets429() {
        // Every write counts against the client's burst, refused or not; the fifth is over it.
        Response noToken = submit(given());
        Response wrongToken = submit(given().header("Authorization", "Bearer not-" + TOKEN));
        Response basic = submit(given().header("Authorization", "Basic " + TOKEN));
        Response rightToken = submit(given().header("Authorization", "Bearer " + TOKEN));
        Response overLimit = submit(given().header("Authorization", "Bearer " + TOKEN));

        assertAll(
                () -> assertProblem(noToken, 401),
                () -> assertProblem(wrongToken, 401),
                () -> assertProblem(basic, 401),
                () -> assertProblem(rightToken, 400),
                () -> assertEquals("/problems/invalid-url", rightToken.jsonPath().getString("type"),
                        "the right token passes the gate; the URL is what is wrong"),
                () -> assertProblem(overLimit, 429),
                () -> assertTrue(Integer.parseInt(overLimit.header("Retry-After")) >= 1, "Retry-After"),
                () -> assertEquals(200, given().baseUri(fetch.url()).get("/api/v1/feeds").statusCode(),
                        "reads need no token"),
                () -> assertEquals(200, given().baseUri(fetch.url()).get("/q/health/live").statusCode()));
    }

    /** A submission whose URL is invalid: past the gate it is refused with 400, so nothing is ever accepted. */
    private static Response submit(RequestSpecification request) {
        return request.baseUri(fetch.url()).contentType(ContentType.JSON).body(Map.of("url", "not a url"))
                .post("/api/v1/submissions");
    }

    private static void assertProblem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    }
}
