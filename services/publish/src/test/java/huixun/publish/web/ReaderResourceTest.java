package huixun.publish.web;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The web reader's pages over HTTP: content, escaping, the script toggle, errors as HTML, the submit form. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(FakeFetch.class)
class ReaderResourceTest {
    @Inject
    @Any
    InMemoryConnector connector;

    private ChannelFeed feed;

    @BeforeEach
    void feed() {
        feed = new ChannelFeed(connector);
    }

    @Test
    void homeListsArticlesWithTheirTitlesEscaped() {
        NewArticle article = NewArticle.next();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(article, Events.submission(),
                "<script>alert(1)</script> 标题", Instant.now()));

        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; 标题"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("href=\"/articles/" + article.id() + "\""))
                .body(containsString("<main id=\"main\""))
                .body(containsString("<label for=\"q\">"));
    }

    @Test
    void aTraditionalArticleTogglesToItsOwnScriptWithoutJavaScript() {
        NewArticle original = NewArticle.next();
        NewArticle duplicate = NewArticle.next();
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(original, Events.submission(), "台湾疫情", null,
                Instant.now()));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(duplicate, Events.submission(), "台湾疫情（转载）",
                original.id(), Instant.now()));

        given().when().get("/articles/{id}", original.id())
                .then().statusCode(200)
                .body(containsString("<html lang=\"zh-Hans\">"))
                .body(containsString("<p>台湾地区发布疫情通报。</p>"))
                .body(containsString("href=\"?script=original\""))
                .body(containsString("王编辑"))
                .body(containsString("href=\"/?person=%E9%99%88%E5%BB%BA%E4%BB%81\""))
                .body(containsString("href=\"/articles/" + duplicate.id() + "\""));
        given().queryParam("script", "original").when().get("/articles/{id}", original.id())
                .then().statusCode(200)
                .body(containsString("<html lang=\"zh-Hant\">"))
                .body(containsString("<p>臺灣地區發佈疫情通報。</p>"));
    }

    @Test
    void organisationsAreListedApartFromPeople() {
        NewArticle article = NewArticle.next();
        ArticleClassified e = Events.detailed(article, Events.submission(), "省委会议", null, Instant.now());
        feed.deliver(Topics.ARTICLES_CLASSIFIED, new ArticleClassified(e.schemaVersion(), e.articleId(),
                e.submissionId(), e.article(), e.topics(), e.regions(), e.classifiedAt(),
                List.of(new Label("陈建仁", "陈建仁", 0.8), new Label("org:江苏省委", "江苏省委", 0.5)), e.keywords(),
                e.simhash(), e.contentHash(), e.duplicateOf()));

        given().when().get("/articles/{id}", article.id())
                .then().statusCode(200)
                .body(containsString(">陈建仁</a></li></ul></section>"))
                .body(containsString("<h2 id=\"o-h\">Organisations</h2><ul><li><a href=\"/?person=org%3A"))
                .body(containsString(">江苏省委</a></li></ul></section>"));
    }

    @Test
    void theStoredBodyIsSanitisedAgainOnOutput() {
        NewArticle article = NewArticle.next();
        ArticleClassified clean = Events.classified(article, Events.submission(), "标题", Instant.now());
        // Stored as a producer sent it: publish trusts normalise's sanitiser but does not rely on it.
        ArticleClassified dirty = new ArticleClassified(clean.schemaVersion(), clean.articleId(),
                clean.submissionId(), withHtml(clean.article(),
                "<p onclick=\"steal()\">正文<script>steal()</script><img src=\"x.png\"></p>"), clean.topics(),
                clean.regions(), clean.classifiedAt(), null, null, null, null, null);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, dirty);

        given().when().get("/articles/{id}", article.id())
                .then().statusCode(200)
                .body(containsString("正文"))
                .body(not(containsString("steal()")))
                .body(containsString("alt=\"\""));
    }

    @Test
    void problemsAreHtmlPagesWithTheirStatus() {
        given().when().get("/articles/{id}", NewArticle.next().id())
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("Article not found"));
        given().queryParam("script", "<b>").when().get("/articles/{id}", NewArticle.next().id())
                .then().statusCode(400)
                .body(containsString("&lt;b&gt;"));
        given().queryParam("topic", "economy").when().get("/")
                .then().statusCode(400)
                .contentType(startsWith("text/html"));
    }

    @Test
    void theSubmissionPageShowsEveryStage() {
        NewArticle article = NewArticle.next();
        String submission = Events.submission();
        feed.deliver(Topics.STATUSES_CHANGED, Events.status(article, submission, ArticleStatus.RECEIVED, "fetch",
                Instant.parse("2026-11-26T10:00:00Z")).withTraceId("4bf92f3577b34da6a3ce929d0e0e4736"));
        feed.deliver(Topics.STATUSES_CHANGED, Events.failed(article, submission, "fetch", "http_404",
                "the site answered 404", Instant.parse("2026-11-26T10:00:01Z")));

        given().when().get("/submissions/{id}", submission)
                .then().statusCode(200)
                .body(containsString("FAILED"))
                .body(containsString("http_404: the site answered 404"))
                .body(containsString("4bf92f3577b34da6a3ce929d0e0e4736"))
                .body(containsString("2026-11-26 10:00 UTC"));
    }

    @Test
    void theSubmitFormForwardsToFetchAndRedirectsToTheStatusPage() {
        given().when().get("/submit")
                .then().statusCode(200)
                .body(containsString("<label for=\"url\">"));

        given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .formParam("url", "https://www.example.cn/news/1.html")
                .when().post("/submit")
                .then().statusCode(303)
                .header("Location", endsWith("/submissions/" + FakeFetch.SUBMISSION_ID));
        given().formParam("url", "not a url")
                .when().post("/submit")
                .then().statusCode(400)
                .body(allOf(containsString("url must be an absolute http or https URL"),
                        containsString("aria-invalid=\"true\"")));
        assertThat(FakeFetch.RECEIVED, hasItem(
                "Bearer " + FakeFetch.TOKEN + " | {\"url\":\"https://www.example.cn/news/1.html\"}"));
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        given().header("Sec-Fetch-Site", "cross-site").formParam("url", "https://www.example.cn/x.html")
                .when().post("/submit")
                .then().statusCode(403);
    }

    @Test
    void theStylesheetIsServed() {
        given().when().get("/css/reader.css")
                .then().statusCode(200)
                .body(containsString("max-width: 38em"))
                .body(containsString("line-height: 1.8"));
    }

    private static ArticleNormalised withHtml(ArticleNormalised a, String html) {
        return new ArticleNormalised(a.schemaVersion(), a.articleId(), a.submissionId(),
                a.url(), a.finalUrl(), a.title(), a.text(), html, a.publishedAt(), a.author(), a.language(),
                a.normalisedAt());
    }
}
