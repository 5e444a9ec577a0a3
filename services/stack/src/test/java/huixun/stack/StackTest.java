package huixun.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import huixun.stack.process.LoopbackPort;

class StackTest {
    @TempDir
    Path dir;

    private Path movedCluster;

    @AfterEach
    void removeMovedCluster() throws IOException {
        // As root the PostgreSQL cluster of a @TempDir (mode 0700) lives in java.io.tmpdir instead.
        if (movedCluster != null && !movedCluster.startsWith(dir) && Files.exists(movedCluster)) {
            try (Stream<Path> files = Files.walk(movedCluster)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aServiceThatCannotStartStopsTheInfrastructureAlreadyRunning() {
        // A repository without built services: PostgreSQL and Kafka come up, then fetch has no jar.
        StackConfig config = StackConfig.defaults(dir.resolve("repo")).withDataDir(dir.resolve("data")).withFreePorts();
        Stack stack = new Stack(config);

        IllegalStateException failure = assertThrows(IllegalStateException.class, stack::start);

        assertTrue(failure.getMessage().contains("quarkus-run.jar"), failure.getMessage());
        movedCluster = stack.postgres().clusterDir();
        assertFalse(stack.kafka().pid() > 0 && ProcessHandle.of(stack.kafka().pid()).isPresent()
                && ProcessHandle.of(stack.kafka().pid()).get().isAlive(), "broker JVM still running");
        assertFalse(LoopbackPort.inUse(stack.postgres().port()), "PostgreSQL still listening");
        assertFalse(LoopbackPort.inUse(stack.sampleSite().port()), "sample site still listening");
        assertFalse(Files.exists(RunningStack.file(config.dataDir())));
    }
}
