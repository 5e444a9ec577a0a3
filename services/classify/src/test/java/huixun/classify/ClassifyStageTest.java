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
                "8月2日，江苏省委常委会召开会议，研究部署疫情防控工作。南京要加强核酸检测和隔离管控。", "<p>…</p>",
                null, null, "zh", Instant.now());
        connector.source(Topics.ARTICLES_NORMALISED).send(article);

        InMemorySink<Record<String, ArticleClassified>> out = connector.sink(Topics.ARTICLES_CLASSIFIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> out.received().size() == 1);
        Record<String, ArticleClassified> record = out.received().get(0).getPayload();
        assertEquals("00000000000000aa", record.key());
        assertEquals("CN-JS", record.value().regions().get(0).code());
        assertEquals(article, record.value().article());

        InMemorySink<Record<String, StatusChanged>> statuses = connector.sink(Topics.STATUSES_CHANGED);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.received().size() == 1);
        assertEquals(ArticleStatus.CLASSIFIED, statuses.received().get(0).getPayload().value().status());
    }

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("label-data"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("huixun_messages_total"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
