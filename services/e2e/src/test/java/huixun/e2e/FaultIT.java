package huixun.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import huixun.stack.Stack;
import huixun.stack.StackConfig;
import huixun.stack.bench.ArticlePages;
import huixun.stack.bench.PageServer;
import huixun.stack.postgres.PostgresServer;
import huixun.stack.process.ScratchDirectory;
import huixun.stack.service.ServiceProcess;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Crashes (issues 4 and 9, the short form CI runs): while generated articles flow, each part of the stack in turn
 * is killed with SIGKILL and started again: fetch (200 URLs accepted, killed after 40 are fetched), normalise,
 * classify, publish, the Kafka broker, PostgreSQL (40 more articles in flight each time). Afterwards every accepted
 * submission must be PUBLISHED or FAILED with a reason, stored exactly once, with one version, and nothing stuck.
 * Then the broker and the database go away while the services run: the services say they are not ready, and come
 * back by themselves when it returns. The pages are spread over two loopback hosts with a 100 ms politeness delay,
 * so fetching the 200 takes long enough to be interrupted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {
    private static final List<String> CRASHES = List.of("fetch", "normalise", "classify", "publish", "kafka",
            "postgres");
    private static final int BATCH = 40;
    private static final int FETCH_CRASH_BATCH = 200;
    private static final int FETCHED_BEFORE_FETCH_CRASH = 40;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

    private static ScratchDirectory dataDir;
    private static Stack stack;
    private static PageServer pages;
    private static int submitted;

    @BeforeAll
    static void startStackAndPages() {
        Path repo = Path.of(System.getProperty("huixun.repo", "../..")).toAbsolutePath().normalize();
        pages = PageServer.start(ArticlePages.from(repo.resolve("samples/site")),
                FETCH_CRASH_BATCH + BATCH * (CRASHES.size() + 2), 2);
        dataDir = ScratchDirectory.create("huixun-faults-");
        stack = Stack.start(StackConfig.defaults(repo).withFreePorts().withDataDir(dataDir.path())
                .withServiceProperty("fetch", "huixun.fetch.guard.allow", String.join(",", pages.hostsAndPort()))
                .withServiceProperty("fetch", "huixun.fetch.politeness.default-delay", "100ms"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (pages != null) {
            pages.close();
        }
        if (dataDir != null) {
            dataDir.close();
        }
    }

    @Order(1)
    @Test
    void killingEachPartMidRunLosesNothingAndStoresNothingTwice() {
        for (String part : CRASHES) {
            if (part.equals("fetch")) {
                long before = reached("FETCHED");
                submitBatch(FETCH_CRASH_BATCH);
                await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                        .until(() -> reached("FETCHED") >= before + FETCHED_BEFORE_FETCH_CRASH);
            } else {
                long before = finished();
                submitBatch(BATCH);
                // Kill while the batch is in flight: some of it done, the rest somewhere in the pipeline.
                await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> finished() > before);
            }
            stack.kill(part);
            stack.restart(part);
        }
        submitBatch(BATCH);
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> finished() >= submitted);

        Map<String, String> store = new LinkedHashMap<>();
        store.put("articles", sql("select count(*) from article"));
        store.put("not final", sql("select count(*) from article where status not in ('PUBLISHED', 'FAILED')"));
        store.put("failed without reason", sql("select count(*) from article where status = 'FAILED'"
                + " and reason is null"));
        store.put("published and failed", sql("select count(*) from (select submission_id from article_status"
                + " where status in ('PUBLISHED', 'FAILED') group by submission_id having count(*) > 1) t"));
        store.put("articles with more than one version", sql("select count(*) from (select article_id"
                + " from article_version group by article_id having count(*) > 1) t"));
        store.put("published without a version", sql("select count(*) from article a where status = 'PUBLISHED'"
                + " and not exists (select 1 from article_version v where v.article_id = a.id)"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("articles", Integer.toString(submitted));
        List.of("not final", "failed without reason", "published and failed", "articles with more than one version",
                "published without a version").forEach(key -> expected.put(key, "0"));
        assertEquals(expected, store, () -> "final statuses: " + sql("select status || ' ' || coalesce(reason, '')"
                + " || ' ' || count(*) from article group by status, reason"));
    }

    @Order(2)
    @Test
    void withoutTheBrokerEveryServiceIsNotReadyAndRecoversWhenItReturns() {
        stack.kill("kafka");
        awaitReadiness(stack.services(), 503);
        for (ServiceProcess service : stack.services()) {
            given().baseUri(service.url()).get("/q/health/live").then().statusCode(200);
        }
        stack.restart("kafka");
        awaitReadiness(stack.services(), 200);
        submitBatch(BATCH);
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> finished() >= submitted);
    }

    @Order(3)
    @Test
    void withoutTheDatabaseItsUsersAreNotReadyAndRecoverWhenItReturns() {
        // The services whose readiness includes a database check (publish; fetch when it keeps state).
        List<ServiceProcess> users = stack.services().stream().filter(s -> given().baseUri(s.url())
                .get("/q/health/ready").jsonPath().getList("checks.name", String.class).stream()
                .anyMatch(name -> name.contains("Database") || name.contains("PostgreSQL"))).toList();
        assertFalse(users.isEmpty(), "publish checks its database");
        stack.kill("postgres");
        awaitReadiness(users, 503);
        stack.restart("postgres");
        awaitReadiness(users, 200);
        submitBatch(BATCH);
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> finished() >= submitted);
    }

    private static void submitBatch(int size) {
        List<String> urls = new ArrayList<>();
        for (int n = submitted; n < submitted + size; n++) {
            urls.add(pages.url(n));
        }
        int accepted = given().baseUri(stack.fetchUrl()).contentType(ContentType.JSON).body(urls)
                .post("/api/v1/submissions/batch").then().statusCode(200).extract().path("accepted");
        assertEquals(size, accepted);
        submitted += size;
    }

    /** Submissions that have reached {@code status}, by the timeline publish keeps. */
    private static long reached(String status) {
        return Long.parseLong(sql("select count(*) from article_status where status = '" + status + "'"));
    }

    private static void awaitReadiness(List<ServiceProcess> services, int status) {
        await().atMost(HEALTH_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> services.stream()
                .allMatch(s -> given().baseUri(s.url()).get("/q/health/ready").statusCode() == status));
    }

    private static long finished() {
        return Long.parseLong(sql("select count(*) from article where status in ('PUBLISHED', 'FAILED')"));
    }

    private static String sql(String query) {
        return stack.postgres().psql(PostgresServer.DATABASE, query);
    }
}
