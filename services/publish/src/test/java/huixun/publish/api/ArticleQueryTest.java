package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Problem;
import huixun.contracts.Topics;
import huixun.contracts.events.Label;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Versions, filters, cursors, search, facets, conditional GET and the Hexo export, against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ArticleQueryTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Inject
    @Any
    InMemoryConnector connector;

    private ChannelFeed feed;
    private String host;

    @BeforeEach
    void ownSite() {
        feed = new ChannelFeed(connector);
        host = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
    }

    @Test
    void aRefetchIsANewVersionAndALateOlderOneDoesNotBecomeCurrent() {
        NewArticle article = NewArticle.on(host);
        String first = Events.submission();
        String refetch = Events.submission();
        String straggler = Events.submission();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, first, "第一版", T0));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, refetch, "第二版", T0.plusSeconds(60)));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, refetch, "第二版", T0.plusSeconds(60)));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, straggler, "迟到的旧版",
                T0.plusSeconds(30)));

        given().get("/api/v1/articles/{id}", article.id()).then().statusCode(200)
                .body("title", is("第二版"))
                .body("version", is(2));
        given().get("/api/v1/articles/{id}/versions", article.id()).then().statusCode(200)
                .body("version", is(List.of(1, 2, 3)))
                .body("submissionId", is(List.of(first, refetch, straggler)))
                .body("title", is(List.of("第一版", "第二版", "迟到的旧版")))
                .body("current", is(List.of(false, true, false)));
        given().queryParam("version", 1).get("/api/v1/articles/{id}", article.id()).then().statusCode(200)
                .body("title", is("第一版"))
                .body("version", is(1))
                .body("submissionId", is(first));
        given().queryParam("version", 4).get("/api/v1/articles/{id}", article.id()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/version-not-found"));
        given().queryParam("version", "latest").get("/api/v1/articles/{id}", article.id()).then().statusCode(400)
                .body("type", is("/problems/invalid-parameter"));
    }

    @Test
    void anArticleAnswersIfNoneMatchWith304UntilItChanges() {
        NewArticle article = NewArticle.on(host);
        String submission = Events.submission();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, submission, "标题", T0));
        String tag = given().get("/api/v1/articles/{id}", article.id()).then().statusCode(200)
                .header("ETag", startsWith("\"")).extract().header("ETag");

        given().header("If-None-Match", tag).get("/api/v1/articles/{id}", article.id()).then().statusCode(304);

        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.CLASSIFIED,
                "classify", T0));
        String changed = given().header("If-None-Match", tag).get("/api/v1/articles/{id}", article.id())
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, changed);
    }

    @Test
    void chineseQueriesFindTheSeedsAndEnglishOnesAreStemmed() throws IOException {
        NewArticle seed0 = publishSeed("seeds/000_c3cd13eae5a5524c.txt");
        NewArticle seed1 = publishSeed("seeds/001_947a9ff57bb6d87f.txt");
        NewArticle english = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(english, Events.submission(),
                "City officials step up measures", "Officials are preventing epidemics across the city.", "en",
                T0, List.of(), List.of(), T0));

        assertEquals(List.of(seed1.id(), seed0.id()), search("疫情防控"));
        assertEquals(List.of(seed0.id()), search("南京疫情"));
        assertEquals(List.of(english.id()), search("epidemic prevention"));
        assertEquals(List.of(english.id()), search("prevented EPIDEMIC"));
        assertEquals(List.of(), search("疫情 vaccine"));
        assertEquals(List.of(), search("上海疫苗接种"));
    }

    @Test
    void filtersCombineAndCursorsPageThroughWithoutOverlap() {
        NewArticle economy = NewArticle.on(host);
        NewArticle politics = NewArticle.on(host);
        NewArticle english = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(economy, Events.submission(), "出口", "出口增长。",
                "zh", Instant.parse("2021-08-02T11:47:10Z"), List.of(new Label("04000000", "economy", 0.9)),
                List.of(new Label("CN-GD", "广东", 0.8)), T0));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(politics, Events.submission(), "会议", "会议召开。",
                "zh", Instant.parse("2021-07-28T10:50:17Z"), List.of(new Label("11000000", "politics", 0.9),
                        new Label("04000000", "economy", 0.3)), List.of(new Label("CN-JS", "江苏", 0.8)), T0));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(english, Events.submission(), "Trade", "Trade.",
                "en", Instant.parse("2021-08-05T00:00:00Z"), List.of(), List.of(), T0));

        assertEquals(List.of(politics.id(), economy.id()), ids(given().queryParam("topic", "04000000")));
        assertEquals(List.of(politics.id()), ids(given().queryParam("region", "CN-JS")));
        assertEquals(List.of(english.id()), ids(given().queryParam("lang", "en")));
        assertEquals(List.of(economy.id()), ids(given().queryParam("from", "2021-08-01").queryParam("to",
                "2021-08-02").queryParam("lang", "zh")));
        assertEquals(List.of(english.id(), economy.id()), ids(given().queryParam("from",
                "2021-08-02T11:47:10Z")));

        JsonPath first = given().queryParam("source", host).queryParam("size", 2).get("/api/v1/articles")
                .then().statusCode(200).body("total", is(3)).extract().jsonPath();
        assertEquals(List.of(english.id(), politics.id()), first.getList("items.id"));
        JsonPath second = given().queryParam("source", host).queryParam("size", 2)
                .queryParam("cursor", first.getString("next")).get("/api/v1/articles")
                .then().statusCode(200).body("page", nullValue()).extract().jsonPath();
        assertEquals(List.of(economy.id()), second.getList("items.id"));
        assertEquals(null, second.getString("next"));

        given().queryParam("cursor", first.getString("next")).queryParam("page", 1).get("/api/v1/articles")
                .then().statusCode(400).body("type", is("/problems/invalid-parameter"));
    }

    @Test
    void everyBadParameterIsA400NeverA500() {
        for (String[] bad : new String[][]{{"topic", "economy"}, {"region", "guangdong"}, {"lang", "中文"},
                {"from", "2021-02-30"}, {"to", "soon"}, {"q", "x".repeat(201)}, {"q", "。"}, {"cursor", "abc"},
                {"source", "a b"}, {"size", "1e3"}}) {
            given().queryParam(bad[0], bad[1]).get("/api/v1/articles").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("type", is("/problems/invalid-parameter"))
                    .body("detail", startsWith(bad[0]));
        }
    }

    @Test
    void facetsCountArticles() {
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(NewArticle.on(host), Events.submission(), "一",
                T0));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(NewArticle.on(host), Events.submission(), "二",
                T0));

        given().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.code == '" + host + "' }.count", is(2));
        given().get("/api/v1/topics").then().statusCode(200)
                .body("code", hasItem("04000000"))
                .body("find { it.code == '04000000' }.name", is("economy, business and finance"));
        given().get("/api/v1/regions").then().statusCode(200)
                .body("code", hasItem("CN-GD"));
    }

    @Test
    void anArticleIsExportedAsAHexoPost() {
        NewArticle article = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, Events.submission(), "It's 标题", T0));

        String post = given().get("/api/v1/articles/{id}.md", article.id()).then().statusCode(200)
                .contentType(containsString("text/markdown")).header("ETag", notNullValue())
                .extract().asString();
        assertEquals(List.of("", "---", "title: 'It''s 标题'", "categories: ", " - " + host, "headimg: ''",
                "author: " + host, "comments: false", "date: Fri, 20 Nov 2026 08:00:00 GMT", "thumbnail: ''", "---",
                "", "<div>   ", "<p>第一段。</p><p>第二段。</p>", "  ", "</div>", "            "),
                post.lines().toList());

        NewArticle pending = NewArticle.on(host);
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(pending, Events.submission(), ArticleStatus.RECEIVED,
                "fetch", T0));
        given().get("/api/v1/articles/{id}.md", pending.id()).then().statusCode(404)
                .body("type", is("/problems/article-not-published"));
    }

    @Test
    void openApiDescribesTheNewEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/articles/{id}/versions"))
                .body("paths.keySet()", hasItem("/api/v1/topics"))
                .body("paths.keySet()", hasItem("/api/v1/people"))
                .body("paths.keySet()", hasItem("/api/v1/stream"))
                .body("paths.keySet()", hasItem("/api/v1/submissions/{submissionId}"))
                .body("paths.'/api/v1/articles'.get.parameters.name", containsInAnyOrder("page", "size", "cursor",
                        "topic", "region", "person", "source", "lang", "script", "from", "to", "q",
                        "includeDuplicates"))
                .body("paths.'/api/v1/articles'.get.parameters.find { it.name == 'q' }.example", is("疫情防控"))
                .body("paths.'/api/v1/articles'.get.parameters", not(empty()));
    }

    private NewArticle publishSeed(String resource) throws IOException {
        String seed;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = seed.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow()
                .replaceAll("^title: '(.*)'$", "$1");
        String text = Jsoup.parseBodyFragment(seed.substring(seed.indexOf("<div>"))).text();
        NewArticle article = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, Events.submission(), title, text, "zh",
                T0, Events.TOPICS, Events.REGIONS, T0));
        return article;
    }

    private List<String> search(String q) {
        return ids(given().queryParam("q", q));
    }

    private List<String> ids(RequestSpecification request) {
        return request.queryParam("source", host).queryParam("size", 100).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
