package huixun.fetch;

import java.nio.file.Path;
import java.util.Map;

import huixun.stack.postgres.ScratchPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for the {@code @QuarkusTest}s: the stack's {@link ScratchPostgres}, a new cluster under
 * {@code target/} for each start, removed at stop.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private ScratchPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = ScratchPostgres.start(Path.of("target"));
        return postgres.datasourceProperties();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
