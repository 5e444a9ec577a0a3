package huixun.publish;

import java.nio.file.Path;
import java.util.Map;

import huixun.stack.postgres.PostgresServer;
import huixun.stack.postgres.ScratchPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s (there is no Docker for Dev Services): the stack's
 * {@link ScratchPostgres}, a fresh cluster per test run so no state carries over, removed afterwards. A test reaches
 * the server through a field marked {@link InjectPostgres}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private ScratchPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = ScratchPostgres.start(Path.of("target"));
        return postgres.datasourceProperties();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(postgres.server(), new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class,
                PostgresServer.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
