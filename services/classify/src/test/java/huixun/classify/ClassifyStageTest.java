package huixun.classify;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.StatusChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ClassifyStageTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeEach
    void clearSinks() {
        connector.sink(Topics.ARTICLES_CLASSIFIED).clear();
        connector.sink(Topics.STATUSES_CHANGED).clear();
    }

    @Test
    void normalisedArticleIsLabelledAndReported() {
        ArticleNormalised article = new ArticleNormalised("00000000000000aa", "s-1", "http://news.test/a",
                "http://news.test/a", "江苏省委常委会研究部署疫情防控工作",
                "8月2日，江苏省委常委会召开会议，研究部署疫情防控工作。省委书记娄勤俭主持会议。南京要加强核酸检测和隔离管控。",
                "<p>…</p>",
                null, null, "zh", Instant.now());
        connector.source(Topics.ARTICLES_NORMALISED).send(article);

        InMemorySink<Record<String, ArticleClassified>> out = connector.sink(Topics.ARTICLES_CLASSIFIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.received().size() == 1);
        Record<String, ArticleClassified> record = out.received().get(0).getPayload();
        assertEquals("00000000000000aa", record.key());
        assertEquals("CN-JS", record.value().regions().get(0).code());
        assertEquals(article, record.value().article());
        assertEquals("娄勤俭", record.value().people().get(0).name());
        assertFalse(record.value().keywords().isEmpty());
        assertEquals(16, record.value().simhash().length());
        assertEquals(64, record.value().contentHash().length());
        assertNull(record.value().duplicateOf());

        InMemorySink<Record<String, StatusChanged>> statuses = connector.sink(Topics.STATUSES_CHANGED);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.received().size() == 1);
        assertEquals(ArticleStatus.CLASSIFIED, statuses.received().get(0).getPayload().value().status());
    }

    @Test
    void aTraditionalCopyIsADuplicateOfTheEarlierOriginal() {
        String simplified = "江西省委常委会召开会议，传达学习中央政治局常务委员会会议精神，研究我省贯彻落实意见。"
                + "会议要求，各级领导干部要带头深入基层、深入一线，抓实抓细疫情防控各项工作，坚决打赢常态化疫情防控攻坚战。";
        String traditional = "江西省委常委會召開會議，傳達學習中央政治局常務委員會會議精神，研究我省貫徹落實意見。"
                + "會議要求，各級領導幹部要帶頭深入基層、深入一線，抓實抓細疫情防控各項工作，堅決打贏常態化疫情防控攻堅戰。";
        InMemorySink<Record<String, ArticleClassified>> out = connector.sink(Topics.ARTICLES_CLASSIFIED);
        // The stage labels articles side by side (unordered worker pool), so the copy is sent once the original
        // has been classified: "earlier" is the order the index learns them in.
        connector.source(Topics.ARTICLES_NORMALISED).send(article("00000000000000b1", simplified));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.received().size() == 1);
        connector.source(Topics.ARTICLES_NORMALISED).send(article("00000000000000b2", traditional));
        await().atMost(Duration.ofSeconds(10)).until(() -> out.received().size() == 2);
        ArticleClassified copy = out.received().stream().map(m -> m.getPayload().value())
                .filter(a -> a.articleId().equals("00000000000000b2")).findFirst().orElseThrow();
        assertEquals("00000000000000b1", copy.duplicateOf());
    }

    private static ArticleNormalised article(String id, String text) {
        return new ArticleNormalised(id, "s-" + id, "http://news.test/" + id, "http://news.test/" + id, "省委常委会召开会议",
                text, "<p>…</p>", null, null, "zh", Instant.now());
    }

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("label-data"))
                .body(containsString("fingerprint-index"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("huixun_messages_total"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
