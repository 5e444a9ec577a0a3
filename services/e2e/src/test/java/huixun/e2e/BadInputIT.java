package huixun.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import huixun.stack.Stack;
import huixun.stack.service.ServiceProcess;
import huixun.stack.site.SamplePage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, issue 9) against the running stack: every bad page
 * is served from a loopback server and submitted; every bad request is sent to the API. Each must end in its
 * expected outcome (a clear error or a safe result), nothing unsafe may reach the API's HTML, the Hexo export or
 * the feeds, and afterwards every service is still ready and a good page still flows through.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private static Stack stack;
    private static PipelineClient pipeline;
    private static HttpServer server;
    private static final Map<String, PageCase> PAGES = new LinkedHashMap<>();
    private static final Map<String, String> SUBMITTED = new LinkedHashMap<>();

    /** One line of pages.tsv. */
    record PageCase(String id, String source, String contentType, String expect, List<String> checks, String what) {
        byte[] body() {
            if (source.startsWith("gen:")) {
                return BadPages.generate(source.substring(4));
            }
            return Corpus.bytes("bad-input/pages/" + source.substring("file:".length()));
        }
    }

    /** One line of api.tsv. */
    record ApiCase(String id, String service, String method, String path, String body, String contentType,
                   List<String> expected) {
    }

    @BeforeAll
    static void serveAndSubmitEveryBadPage() throws IOException {
        stack = SharedStack.stack();
        pipeline = new PipelineClient(stack);
        for (String[] row : Corpus.table("bad-input/pages.tsv", 6)) {
            PAGES.put(row[0], new PageCase(row[0], row[1], row[2], row[3],
                    row[4].isEmpty() ? List.of() : List.of(row[4].split(";")), row[5]));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/case/", BadInputIT::serve);
        server.start();
        // All at once: the pipeline works on them side by side, as it would on a busy day.
        for (PageCase page : PAGES.values()) {
            SUBMITTED.put(page.id(), pipeline.submit(caseUrl(page.id())).getString("id"));
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> everyBadPageEndsAsExpectedAndNothingUnsafeIsPublished() {
        return PAGES.values().stream().map(page -> DynamicTest.dynamicTest(page.id() + ": " + page.what(), () -> {
            JsonPath article = pipeline.awaitFinal(SUBMITTED.get(page.id()));
            String status = article.getString("status");
            String outcome = "FAILED".equals(status) ? status + ":" + article.getString("reason") : status;
            switch (page.expect()) {
                case "FINAL" -> assertTrue(outcome.startsWith("PUBLISHED") || outcome.startsWith("FAILED:"), outcome);
                case "FAILED" -> assertTrue(outcome.startsWith("FAILED:"), outcome);
                default -> assertEquals(page.expect(), outcome, () -> "detail: " + article.getString("detail"));
            }
            if ("PUBLISHED".equals(status)) {
                assertPublishedSafely(SUBMITTED.get(page.id()), article, page.checks());
            }
        }));
    }

    @Order(2)
    @TestFactory
    Stream<DynamicTest> everyBadRequestGetsAClearErrorNeverA5xx() throws IOException {
        List<ApiCase> cases = new ArrayList<>();
        for (String[] row : Corpus.table("bad-input/api.tsv", 7)) {
            cases.add(new ApiCase(row[0], row[1], row[2], row[3], row[4], row[5],
                    List.of(row[6].split("\\|"))));
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            Response response;
            try {
                response = send(c);
            } catch (Exception e) { // RestAssured rethrows the socket's IOException unchecked or as it is
                assertTrue(c.expected().contains("closed") && hungUp(e), () -> c.id() + ": " + e);
                return;
            }
            String status = Integer.toString(response.statusCode());
            assertTrue(c.expected().contains(status), () -> c.id() + ": expected " + c.expected() + ", got " + status
                    + " " + response.asString());
            if (response.statusCode() >= 400 && c.path().startsWith("/api/") && response.asByteArray().length > 0) {
                assertTrue(response.contentType().startsWith("application/problem+json"),
                        () -> c.id() + ": " + response.contentType());
            }
        }));
    }

    @Order(3)
    @Test
    void feedsCarryNothingActive() {
        JsonPath feed = given().baseUri(stack.publishUrl()).queryParam("size", 100).get("/feeds/all.json").then()
                .statusCode(200).extract().jsonPath();
        List<String> contents = new ArrayList<>(feed.getList("items.content_html", String.class));
        assertFalse(contents.isEmpty(), "the feed lists the published bad pages");
        // RSS and Atom carry the article HTML as escaped text; what a feed reader renders is that text as HTML.
        contents.addAll(xmlFeedHtml("/feeds/all.rss", "item > description, item > content|encoded"));
        contents.addAll(xmlFeedHtml("/feeds/all.atom", "entry > content, entry > summary"));
        for (String content : contents) {
            assertEquals(Optional.empty(), ActiveContent.find(content), content);
        }
    }

    private static List<String> xmlFeedHtml(String path, String fields) {
        String xml = given().baseUri(stack.publishUrl()).queryParam("size", 100).get(path).then().statusCode(200)
                .extract().asString();
        List<String> html = Jsoup.parse(xml, "", Parser.xmlParser()).select(fields).eachText();
        assertFalse(html.isEmpty(), path + " lists the published bad pages");
        return html;
    }

    @Order(4)
    @Test
    void afterTheBadInputEveryServiceIsReadyAndAGoodPageStillFlows() {
        for (ServiceProcess service : stack.services()) {
            given().baseUri(service.url()).get("/q/health/ready").then().statusCode(200);
        }
        SamplePage page = stack.sampleSite().pages().get(1);
        String id = pipeline.submit(stack.sampleSite().url(page) + "?after=bad-input").getString("id");
        assertEquals("PUBLISHED", pipeline.awaitFinal(id).getString("status"));
    }

    private static void assertPublishedSafely(String id, JsonPath article, List<String> checks) {
        String html = article.getString("html");
        String hexo = given().baseUri(stack.publishUrl()).get("/api/v1/articles/" + id + ".md").then()
                .statusCode(200).extract().asString();
        String hexoBody = hexo.substring(hexo.indexOf("---", hexo.indexOf("---") + 3));
        // The reader page has its own stylesheet link; what comes from the article is inside <article>.
        String reader = Jsoup.parse(given().baseUri(stack.publishUrl()).get("/articles/" + id).then().statusCode(200)
                .extract().asString()).select("article.article").outerHtml();
        assertAll(
                () -> assertEquals(Optional.empty(), ActiveContent.find(html), "stored HTML"),
                () -> assertFalse(reader.isEmpty(), "the web reader shows the article"),
                () -> assertEquals(Optional.empty(), ActiveContent.find(reader), "web reader"),
                () -> assertEquals(Optional.empty(), ActiveContent.find(hexoBody), "Hexo body"),
                () -> assertFalse(hexo.substring(0, hexo.length() - hexoBody.length()).contains("<script"),
                        "a <script> in the Hexo front matter"),
                () -> checks.forEach(check -> check(article, check)));
    }

    private static void check(JsonPath article, String check) {
        boolean negated = check.contains("!~");
        String[] parts = check.split(negated ? "!~" : "~", 2);
        String value = article.getString(parts[0]);
        String expected = unescape(parts[1]);
        if (negated) {
            assertFalse(value != null && value.contains(expected), () -> parts[0] + " contains " + parts[1]);
        } else {
            assertTrue(value != null && value.contains(expected), () -> parts[0] + " lacks " + parts[1] + ": "
                    + (value == null ? null : value.substring(0, Math.min(200, value.length()))));
        }
    }

    private static Response send(ApiCase c) {
        String baseUri = c.service().equals("fetch") ? stack.fetchUrl() : stack.publishUrl();
        String path = c.path();
        Matcher generated = Pattern.compile("gen:([a-z0-9-]+)").matcher(path);
        if (generated.find()) {
            path = path.replace(generated.group(), URLEncoder.encode(new String(BadPages.generate(generated.group(1)),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        RequestSpecification request = given().baseUri(baseUri).urlEncodingEnabled(false);
        if (!c.contentType().isEmpty()) {
            byte[] body = c.body().startsWith("gen:") ? BadPages.generate(c.body().substring(4))
                    : c.body().getBytes(StandardCharsets.UTF_8);
            request = request.contentType(c.contentType()).body(body);
        }
        return request.request(c.method(), path);
    }

    /** The server closed the connection while the request body was still being sent. */
    private static boolean hungUp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || String.valueOf(t.getMessage()).contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/case/".length());
            PageCase page = PAGES.get(id);
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.body();
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            if (page.source().equals("gen:gzip-bomb")) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException e) {
                    // fetch hangs up once a body passes its size cap: expected for the oversized cases
                }
            }
        }
    }

    private static String caseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/case/" + id;
    }

    private static String unescape(String text) {
        return ESCAPE.matcher(text).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
    }
}
