package huixun.publish;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Topics;
import huixun.publish.Events.NewArticle;
import huixun.publish.store.StoreUnavailableException;
import huixun.stack.postgres.PostgresServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * What a consumer does while the database is down: it retries, then fails the message as store-unavailable (which
 * stops a Kafka channel for redelivery instead of dead-lettering it), and the same message is stored once the
 * database is back.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class StoreOutageTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @InjectPostgres
    PostgresServer postgres;

    @Test
    void aMessageArrivingDuringAnOutageIsFailedForRedeliveryAndStoredAfterwards() {
        ChannelFeed feed = new ChannelFeed(connector);
        NewArticle article = NewArticle.next();
        var received = Events.status(article, Events.submission(), ArticleStatus.RECEIVED, "fetch", Instant.now());
        int port = postgres.port();

        postgres.close();
        try {
            given().when().get("/q/health/ready").then().statusCode(503);
            Throwable reason = feed.reject(Topics.STATUSES_CHANGED, received);
            assertInstanceOf(StoreUnavailableException.class, reason);
        } finally {
            postgres = PostgresServer.start(postgres.clusterDir(), port);
        }

        feed.deliver(Topics.STATUSES_CHANGED, received);
        given().when().get("/api/v1/articles/{id}", article.id())
                .then().statusCode(200)
                .body("status", is("RECEIVED"));
        await().untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
    }
}
