package huixun.publish;

import huixun.stack.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s (there is no Docker for Dev Services): the stack's server on a free
 * loopback port, in a fresh cluster per test run so no state carries over, removed afterwards. A test reaches the
 * server through a field marked {@link InjectPostgres}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private Path dir;
    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("huixun-publish-test-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = PostgresServer.start(dir, 0);
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class,
                PostgresServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            // The cluster may live elsewhere when the postgres user cannot enter the temporary directory.
            delete(server.clusterDir());
        }
        if (dir != null) {
            delete(dir);
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the test cluster " + root, e);
        }
    }
}
