package huixun.publish.hexo;

import huixun.contracts.Topics;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.InjectPostgres;
import huixun.publish.PostgresResource;
import huixun.stack.postgres.PostgresServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export command against the test database: the same posts as the API, file names from ids only. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ExportCommandTest {
    @Inject
    @Any
    InMemoryConnector connector;

    @InjectPostgres
    PostgresServer postgres;

    @Test
    void publishedArticlesAreWrittenAsTheApiWritesThem(@TempDir Path out) throws IOException {
        NewArticle article = NewArticle.next();
        new ChannelFeed(connector).deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(article,
                Events.submission(), "It's 臺灣", null, Instant.now()));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = ExportCommand.run(new String[] {"export", "--since", "2026-11-20", "--out", out.toString(),
                        "--db", postgres.jdbcUrl(), "--user", PostgresServer.USERNAME},
                Map.of("PGPASSWORD", PostgresServer.PASSWORD), new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.err);

        assertEquals(0, status, printed::toString);
        Path post = out.resolve(article.id() + ".md");
        String expected = given().get("/api/v1/articles/{id}.md", article.id()).then().statusCode(200).extract()
                .asString();
        assertEquals(expected, Files.readString(post));
        assertTrue(printed.toString().startsWith("exported="), printed::toString);
        try (var files = Files.list(out)) {
            assertTrue(files.allMatch(file -> file.getFileName().toString().matches("[0-9a-f]{16}\\.md")));
        }
    }

    @Test
    void articlesPublishedBeforeTheDateAreLeftOut(@TempDir Path out) {
        int status = ExportCommand.run(new String[] {"--since", "2999-01-01", "--out", out.toString(), "--db",
                postgres.jdbcUrl()}, Map.of(), System.out, System.err);
        assertEquals(0, status);
        assertFalse(out.toFile().list().length > 0);
    }

    @Test
    void badArgumentsAndForeignFileNamesAreRefused(@TempDir Path out) {
        assertEquals(2, ExportCommand.run(new String[] {"--since", "yesterday", "--out", out.toString()}, Map.of(),
                System.out, System.err));
        assertEquals(2, ExportCommand.run(new String[] {"--out", out.toString()}, Map.of(), System.out, System.err));
        assertThrows(IllegalArgumentException.class, () -> ExportCommand.write(out, "../../etc/passwd", "x"));
        assertThrows(IllegalArgumentException.class, () -> ExportCommand.fileName("0123456789abcdef/../x"));
    }
}
