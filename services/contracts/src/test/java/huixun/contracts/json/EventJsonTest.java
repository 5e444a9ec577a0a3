package huixun.contracts.json;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {
    private final EventSerializer serializer = new EventSerializer();

    @Test
    void pageFetchedRoundTripsWithChineseText() {
        PageFetched page = new PageFetched("0123456789abcdef", "s-1", "http://a.test/x", "http://a.test/y", 200,
                "text/html; charset=GBK", "GB18030", Instant.parse("2021-08-02T11:47:10Z"), "<p>疫情防控</p>");
        byte[] json = serializer.serialize("pages-fetched", page);
        assertEquals(page, new EventDeserializer.PageFetchedDeserializer().deserialize("pages-fetched", json));
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        StatusChanged status = new StatusChanged(1, "0123456789abcdef", "s-1", "http://a.test/x",
                ArticleStatus.FAILED, "fetch", "http_404", "Not Found", Instant.parse("2021-08-02T11:47:10Z"));
        String json = new String(serializer.serialize("statuses-changed", status), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"at\":\"2021-08-02T11:47:10Z\""), json);
        assertEquals(status, new EventDeserializer.StatusChangedDeserializer().deserialize("s", json.getBytes(
                StandardCharsets.UTF_8)));
    }

    @Test
    void nestedArticleAndLabelsRoundTrip() {
        ArticleNormalised article = new ArticleNormalised("0123456789abcdef", "s-1", "u", "u", "标题", "正文",
                "<p>正文</p>", null, null, "zh", Instant.EPOCH);
        ArticleClassified classified = new ArticleClassified(article,
                List.of(new Label("11000000", "politics", 0.8)), List.of(new Label("CN-JS", "江苏", 1.0)),
                Instant.EPOCH);
        byte[] json = serializer.serialize("articles-classified", classified);
        assertEquals(classified,
                new EventDeserializer.ArticleClassifiedDeserializer().deserialize("articles-classified", json));
    }

    @Test
    void feedOriginAndClassifierOutputRoundTrip() {
        Origin origin = new Origin("f-1", "http://a.test/feed.xml", "新浪财经－国內", List.of("金融", "新浪财经",
                "新浪财经－国內"));
        ArticleNormalised article = new ArticleNormalised(1, "0123456789abcdef", "s-1", "u", "u", "标题", "正文",
                "<p>正文</p>", null, null, "zh", Instant.EPOCH, "正文", "Hans", null, null, null, null,
                "http://a.test/c", "http://a.test/i.jpg", "摘要", List.of("新闻", "国内"), Map.of("title", "og:title"),
                origin);
        ArticleClassified classified = new ArticleClassified(1, article.articleId(), "s-1", article, List.of(),
                List.of(), Instant.EPOCH, List.of(new Label("娄勤俭", "娄勤俭", 2)), List.of(new Label("疫情", "疫情", 0.4)),
                "00ff00ff00ff00ff", "ab", "fedcba9876543210");
        byte[] json = serializer.serialize("articles-classified", classified);
        assertEquals(classified,
                new EventDeserializer.ArticleClassifiedDeserializer().deserialize("articles-classified", json));
    }

    @Test
    void eventsFromBeforeTheOptionalFieldsStillRead() {
        String json = "{\"schemaVersion\":1,\"articleId\":\"a\",\"submissionId\":\"s\",\"article\":"
                + "{\"schemaVersion\":1,\"articleId\":\"a\",\"submissionId\":\"s\",\"title\":\"t\"}}";
        ArticleClassified classified = new EventDeserializer.ArticleClassifiedDeserializer()
                .deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), classified.people());
        assertEquals(Map.of(), classified.article().provenance());
        assertNull(classified.article().origin());
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"schemaVersion\":1,\"articleId\":\"a\",\"submissionId\":\"s\",\"status\":\"RECEIVED\","
                + "\"addedLater\":42}";
        StatusChanged status = new EventDeserializer.StatusChangedDeserializer()
                .deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(ArticleStatus.RECEIVED, status.status());
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        String json = "{\"schemaVersion\":2,\"articleId\":\"a\",\"submissionId\":\"s\",\"status\":\"RECEIVED\"}";
        assertThrows(SerializationException.class, () -> new EventDeserializer.StatusChangedDeserializer()
                .deserialize("t", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void garbageIsRejectedAndNullStaysNull() {
        assertThrows(SerializationException.class, () -> new EventDeserializer.PageFetchedDeserializer()
                .deserialize("t", "not json".getBytes(StandardCharsets.UTF_8)));
        assertNull(new EventDeserializer.PageFetchedDeserializer().deserialize("t", null));
    }
}
