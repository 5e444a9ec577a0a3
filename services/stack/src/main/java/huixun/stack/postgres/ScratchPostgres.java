package huixun.stack.postgres;

import java.nio.file.Path;
import java.util.Map;

import huixun.stack.process.ScratchDirectory;

/**
 * A PostgreSQL server in a new cluster of its own, removed when closed: the database of a service's
 * {@code @QuarkusTest}s (there is no Docker for Dev Services). A cluster per start, because {@link PostgresServer}
 * stops any server it finds running in its directory, and two builds on one machine must not stop each other's.
 */
public final class ScratchPostgres implements AutoCloseable {
    private final ScratchDirectory dir;
    private final PostgresServer server;

    private ScratchPostgres(ScratchDirectory dir, PostgresServer server) {
        this.dir = dir;
        this.server = server;
    }

    /** Starts a server on a free loopback port, its cluster in a new directory under {@code parent}. */
    public static ScratchPostgres start(Path parent) {
        ScratchDirectory dir = ScratchDirectory.createIn(parent, "test-postgres-");
        try {
            return new ScratchPostgres(dir, PostgresServer.start(dir.path(), 0));
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    public PostgresServer server() {
        return server;
    }

    /** What a service's test profile needs to reach it, see {@link PostgresServer#datasourceProperties()}. */
    public Map<String, String> datasourceProperties() {
        return server.datasourceProperties();
    }

    @Override
    public void close() {
        server.close();
        // The cluster lives elsewhere when the postgres user cannot enter the directory (see PostgresServer).
        ScratchDirectory.deleteTree(server.clusterDir());
        dir.close();
    }
}
