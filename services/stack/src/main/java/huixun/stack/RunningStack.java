package huixun.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running stack can be reached: {@code <data dir>/stack.properties}, written by {@link Stack} once
 * everything is ready and deleted when it stops, so that a second command ({@code ./huixun demo}) finds it and a
 * later {@code up} can clean up after a launcher that was killed.
 *
 * @param launcherPid the JVM that started the stack
 * @param ready       false while the services are still starting (the file is written as soon as they are
 *                    launched, so that their process ids are known should the launcher be killed)
 * @param pids        process ids of the child JVMs by name ({@code kafka}, {@code fetch}, …)
 */
public record RunningStack(long launcherPid, boolean ready, String fetchUrl, String normaliseUrl, String classifyUrl,
                           String publishUrl, String siteUrl, String kafkaBootstrap, String postgresJdbcUrl,
                           String postgresUsername, String postgresPassword, Path dataDir, Path logsDir,
                           Map<String, Long> pids) {
    public static final String FILE_NAME = "stack.properties";
    private static final String PID_PREFIX = "pid.";

    public RunningStack {
        pids = Map.copyOf(pids);
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The stack recorded in {@code dataDir}, if any (it may have died since: check {@link #launcherAlive()}). */
    public static Optional<RunningStack> read(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PID_PREFIX)) {
                pids.put(key.substring(PID_PREFIX.length()), Long.parseLong(p.getProperty(key)));
            }
        }
        return Optional.of(new RunningStack(Long.parseLong(p.getProperty("launcher.pid", "-1")),
                Boolean.parseBoolean(p.getProperty("ready")), p.getProperty("fetch.url"), p.getProperty("normalise.url"), p.getProperty("classify.url"),
                p.getProperty("publish.url"), p.getProperty("site.url"), p.getProperty("kafka.bootstrap"),
                p.getProperty("postgres.jdbc-url"), p.getProperty("postgres.username"),
                p.getProperty("postgres.password"), Path.of(p.getProperty("data-dir", dataDir.toString())),
                Path.of(p.getProperty("logs-dir", dataDir.resolve("logs").toString())), pids));
    }

    public boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void putIfKnown(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    /** Writes the file atomically, so a reader never sees half of it. */
    public void write() {
        Properties p = new Properties();
        p.setProperty("launcher.pid", Long.toString(launcherPid));
        p.setProperty("ready", Boolean.toString(ready));
        putIfKnown(p, "fetch.url", fetchUrl);
        putIfKnown(p, "normalise.url", normaliseUrl);
        putIfKnown(p, "classify.url", classifyUrl);
        putIfKnown(p, "publish.url", publishUrl);
        p.setProperty("site.url", siteUrl);
        p.setProperty("kafka.bootstrap", kafkaBootstrap);
        p.setProperty("postgres.jdbc-url", postgresJdbcUrl);
        p.setProperty("postgres.username", postgresUsername);
        p.setProperty("postgres.password", postgresPassword);
        p.setProperty("data-dir", dataDir.toString());
        p.setProperty("logs-dir", logsDir.toString());
        pids.forEach((name, pid) -> p.setProperty(PID_PREFIX + name, Long.toString(pid)));
        Path file = file(dataDir);
        Path partial = file.resolveSibling(FILE_NAME + ".partial");
        try {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(writer, "Written by huixun.stack.Stack while the local stack runs; deleted when it stops");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
