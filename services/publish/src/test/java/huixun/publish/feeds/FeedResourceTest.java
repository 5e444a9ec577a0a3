package huixun.publish.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import huixun.contracts.Problem;
import huixun.contracts.Topics;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated feed is read back with Rome (RSS, Atom) or as JSON Feed 1.1. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class FeedResourceTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Inject
    @Any
    InMemoryConnector connector;

    private ChannelFeed feed;
    private String host;
    private NewArticle older;
    private NewArticle newer;

    @BeforeEach
    void twoArticlesOnTheirOwnSite() {
        feed = new ChannelFeed(connector);
        host = "f" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        older = NewArticle.on(host);
        newer = NewArticle.on(host);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(older, Events.submission(), "旧闻", T0));
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(newer, Events.submission(), "新闻 <b>&", T0));
    }

    @ParameterizedTest
    @CsvSource({"rss, rss_2.0, application/rss+xml", "atom, atom_1.0, application/atom+xml"})
    void romeReadsTheFeedBackWithStableGuidsAndFullContent(String extension, String type, String mediaType)
            throws FeedException {
        SyndFeed read = parse(extension, mediaType);
        assertEquals(type, read.getFeedType());
        assertEquals(List.of(FeedWriter.guid(newer.id()), FeedWriter.guid(older.id())),
                read.getEntries().stream().map(SyndEntry::getUri).toList());
        SyndEntry first = read.getEntries().get(0);
        assertEquals("新闻 <b>&", first.getTitle());
        assertEquals("http://localhost:8084/articles/" + newer.id(), first.getLink());
        assertEquals(Events.PUBLISHED_AT, first.getPublishedDate().toInstant());
        String content = first.getContents().isEmpty() ? first.getDescription().getValue()
                : first.getContents().get(0).getValue();
        assertEquals("<p>第一段。</p><p>第二段。</p>", content);
        assertTrue(first.getCategories().stream().anyMatch(c -> c.getName().equals("广东")));

        // A refetch is a new version of the same entry, not a new entry.
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(newer, Events.submission(), "新闻更新",
                T0.plusSeconds(60)));
        SyndFeed again = parse(extension, mediaType);
        assertEquals(2, again.getEntries().size());
        assertEquals(FeedWriter.guid(newer.id()), again.getEntries().get(0).getUri());
        assertEquals("新闻更新", again.getEntries().get(0).getTitle());
    }

    @Test
    void jsonFeedIsVersionOnePointOne() {
        JsonPath read = given().get("/feeds/source/{host}.json", host).then().statusCode(200)
                .contentType(startsWith("application/feed+json")).extract().jsonPath();
        assertEquals("https://jsonfeed.org/version/1.1", read.getString("version"));
        assertEquals("http://localhost:8084/feeds/source/" + host + ".json", read.getString("feed_url"));
        assertEquals(List.of(FeedWriter.guid(newer.id()), FeedWriter.guid(older.id())), read.getList("items.id"));
        assertEquals("<p>第一段。</p><p>第二段。</p>", read.getString("items[0].content_html"));
        assertEquals(Events.PUBLISHED_AT.toString(), read.getString("items[0].date_published"));
        assertEquals("记者 王某", read.getString("items[0].authors[0].name"));
        assertEquals("http://localhost:8084/articles/" + newer.id(), read.getString("items[0].url"));
        assertEquals(newer.url(), read.getString("items[0].external_url"));
    }

    @Test
    void theAllFeedAndLabelFeedsParse() throws FeedException {
        for (String path : List.of("/feeds/all.atom", "/feeds/all.rss", "/feeds/topic/04000000.rss",
                "/feeds/region/CN-GD.atom")) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            SyndFeed read = new SyndFeedInput().build(new StringReader(body));
            assertTrue(read.getEntries().stream().anyMatch(e -> e.getUri().equals(FeedWriter.guid(newer.id()))),
                    path);
        }
    }

    @Test
    void aFeedAnswersIfNoneMatchWith304() {
        String tag = given().get("/feeds/source/{host}.atom", host).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag);
        given().header("If-None-Match", tag).get("/feeds/source/{host}.atom", host).then().statusCode(304);
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.classified(NewArticle.on(host), Events.submission(), "三",
                T0));
        given().header("If-None-Match", tag).get("/feeds/source/{host}.atom", host).then().statusCode(200);
    }

    @Test
    void badFeedsAreProblems() {
        given().get("/feeds/topic/economy.rss").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", is("/problems/invalid-parameter"));
        given().get("/feeds/keyword/someone.rss").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().get("/feeds/person/{code}.rss", "陈建仁").then().statusCode(200).contentType(startsWith(
                "application/rss+xml"));
        given().get("/feeds/all.html").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    private SyndFeed parse(String extension, String mediaType) throws FeedException {
        String body = given().get("/feeds/source/{host}.{ext}", host, extension).then().statusCode(200)
                .contentType(startsWith(mediaType)).extract().asString();
        return new SyndFeedInput().build(new StringReader(body));
    }
}
