package huixun.e2e;

import huixun.stack.Stack;
import huixun.stack.site.SamplePage;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on real infrastructure: a KRaft Kafka broker in its own JVM, a real PostgreSQL, the four
 * packaged services as separate processes and the sample site on loopback, all started by the same {@link Stack}
 * that {@code ./huixun up} uses. Pages are submitted through the fetch API and read back from the publish API.
 */
@ExtendWith(SharedStack.class)
class PipelineIT {
    private static Stack stack;
    private static PipelineClient pipeline;

    @BeforeAll
    static void useSharedStack() {
        stack = SharedStack.stack();
        pipeline = new PipelineClient(stack);
    }

    @Test
    void everySamplePageIsPublishedWithItsHeadlineAndWholeBodyAndNoPageChrome() throws IOException {
        Map<String, List<String>> chromeByPage = pageChrome();
        List<SamplePage> pages = stack.sampleSite().pages();
        assertEquals(5, pages.size(), "the sample site lists five pages");
        Map<SamplePage, String> ids = pages.stream()
                .collect(Collectors.toMap(p -> p, p -> pipeline.submit(stack.sampleSite().url(p)).getString("id")));

        for (SamplePage page : pages) {
            JsonPath article = pipeline.awaitFinal(ids.get(page));
            String text = article.getString("text");
            assertAll(page.path(),
                    () -> assertEquals("PUBLISHED", article.getString("status"), article.getString("reason")),
                    () -> assertEquals(page.title(), article.getString("title")),
                    () -> assertTrue(text.contains(page.firstSentence()), "first sentence missing"),
                    () -> assertTrue(text.contains(page.lastSentence()), "last sentence missing"),
                    () -> chromeByPage.getOrDefault(page.path(), List.of()).forEach(chrome ->
                            assertFalse(text.contains(chrome), "page chrome leaked: " + chrome)),
                    () -> assertFalse(article.getList("topics").isEmpty(), "no topic"),
                    () -> assertFalse(article.getList("regions").isEmpty(), "no region"),
                    () -> assertTrue(article.getList("timeline.status", String.class).containsAll(List.of(
                            "RECEIVED", "FETCHED", "NORMALISED", "CLASSIFIED", "PUBLISHED")),
                            () -> "timeline: " + article.getList("timeline.status")));
        }
    }

    @Test
    void missingPageEndsFailedWithTheHttpStatusAsReason() {
        String id = pipeline.submit(stack.sampleSite().baseUrl() + "/no/such/page.html").getString("id");
        JsonPath article = pipeline.awaitFinal(id);
        assertEquals("FAILED", article.getString("status"));
        assertEquals("http_404", article.getString("reason"));
    }

    @Test
    void invalidUrlIsRejectedAsProblemJson() {
        given().baseUri(stack.fetchUrl()).contentType(ContentType.JSON).body(Map.of("url", "not a url"))
                .post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", notNullValue()).body("detail", notNullValue());
    }

    @Test
    void sameUrlSubmittedTwiceIsOneArticle() {
        SamplePage page = stack.sampleSite().pages().get(0);
        String url = stack.sampleSite().url(page) + "#comments";
        String first = pipeline.submit(url).getString("id");
        String second = pipeline.submit(stack.sampleSite().url(page)).getString("id");
        assertEquals(first, second);
        pipeline.awaitFinal(first);
        List<String> ids = given().baseUri(stack.publishUrl()).queryParam("size", 100)
                .queryParam("includeDuplicates", "true").get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertEquals(1, ids.stream().filter(first::equals).count(), ids.toString());
    }

    /** samples/site/boilerplate.tsv: per page, strings of its navigation, related links and footer. */
    private static Map<String, List<String>> pageChrome() throws IOException {
        Path file = stack.config().siteDir().resolve("boilerplate.tsv");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 2))
                .collect(Collectors.groupingBy(cols -> cols[0],
                        Collectors.mapping(cols -> cols[1], Collectors.toList())));
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
