package huixun.stack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import huixun.stack.process.Jvm;
import huixun.stack.process.LogTail;
import huixun.stack.process.LoopbackPort;

/**
 * One packaged Quarkus service ({@code services/<name>/target/quarkus-app/quarkus-run.jar}) in its own JVM with the
 * {@code local} profile. {@link #launch} returns at once, so several services can boot side by side;
 * {@link #awaitReady()} waits for {@code /q/health/ready} to answer 200.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String PROFILE = "local";

    private static final Logger LOG = System.getLogger(ServiceProcess.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // Quarkus logs every DOWN readiness answer; polling faster only fills the service's log.
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Config config;
    private final Process process;
    private final long launchedAt;

    /**
     * How to run one service.
     *
     * @param name         service name ({@code fetch}), used for the log and in messages
     * @param jar          its {@code quarkus-run.jar}
     * @param port         HTTP port, 0 for a free one
     * @param properties   system properties beyond profile and port (Kafka, datasource, …)
     * @param jvmOptions   options of its JVM
     * @param workDir      working directory of the JVM
     * @param logFile      its standard output and error
     * @param readyTimeout how long {@link #awaitReady()} waits
     */
    public record Config(String name, Path jar, int port, Map<String, String> properties, List<String> jvmOptions,
                         Path workDir, Path logFile, Duration readyTimeout) {
        // Four services share a laptop with Kafka and PostgreSQL. -Xms16m and the free ratios let each heap grow only
        // as far as its live data needs (SerialGC otherwise keeps it at -Xmx once touched): fetch, normalise and
        // publish peaked at 180-270 MB RSS under load instead of 310-330 (docs/benchmarks.md). C1 only: fetch and
        // classify were ready in ~2.7 s instead of 5-8 s on a 2-core machine, and C2's compilations were a third of
        // each service's CPU in a 1,000-article run (Stack gives classify C2 back: its labelling needs it).
        public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx128m", "-Xms16m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);

        public Config {
            properties = Map.copyOf(properties);
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** The service {@code name} of the repository at {@code repo}, logging to {@code <dataDir>/logs/<name>.log}. */
        public static Config of(String name, Path repo, Path dataDir, int port, Map<String, String> properties) {
            return new Config(name, jarOf(repo, name), port, properties, DEFAULT_JVM_OPTIONS, dataDir,
                    dataDir.resolve("logs").resolve(name + ".log"), DEFAULT_READY_TIMEOUT);
        }

        public Config withJvmOptions(List<String> options) {
            return new Config(name, jar, port, properties, options, workDir, logFile, readyTimeout);
        }

        public Config withReadyTimeout(Duration timeout) {
            return new Config(name, jar, port, properties, jvmOptions, workDir, logFile, timeout);
        }
    }

    private ServiceProcess(Config config, Process process, long launchedAt) {
        this.config = config;
        this.process = process;
        this.launchedAt = launchedAt;
    }

    /** Where the Quarkus build of service {@code name} puts its runnable jar. */
    public static Path jarOf(Path repo, String name) {
        return repo.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Launches and waits until ready. */
    public static ServiceProcess start(Config config) {
        ServiceProcess service = launch(config);
        service.awaitReady();
        return service;
    }

    /** Starts the JVM and returns without waiting. */
    public static ServiceProcess launch(Config config) {
        if (!Files.isRegularFile(config.jar())) {
            throw new IllegalStateException("No " + config.jar() + ": build the service first (./huixun up --build, "
                    + "or mvn -DskipTests install)");
        }
        Config resolved = new Config(config.name(), config.jar(), LoopbackPort.orFree(config.port()),
                config.properties(), config.jvmOptions(), config.workDir(), config.logFile(), config.readyTimeout());
        if (LoopbackPort.inUse(resolved.port())) {
            throw new IllegalStateException("Port " + resolved.port() + " for " + resolved.name()
                    + " is already in use; stop whatever holds it or choose another port");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.profile", PROFILE);
        properties.put("quarkus.http.port", Integer.toString(resolved.port()));
        properties.putAll(resolved.properties());

        List<String> command = new ArrayList<>();
        command.add(Jvm.executable());
        command.addAll(resolved.jvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", resolved.jar().toAbsolutePath().toString()));
        try {
            Files.createDirectories(resolved.logFile().toAbsolutePath().getParent());
            Files.createDirectories(resolved.workDir());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(resolved.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(resolved.logFile().toFile());
            // glibc gives each thread that allocates its own malloc arena (up to 8 per core), RSS that a JVM's few
            // native allocations never need; two arenas, as the container images set too.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process process = builder.start();
            LOG.log(Level.INFO, "service launched name={0} port={1} pid={2}", resolved.name(),
                    Integer.toString(resolved.port()), Long.toString(process.pid()));
            return new ServiceProcess(resolved, process, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + resolved.name(), e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers 200.
     *
     * @throws IllegalStateException with the log's tail when the JVM exits or the timeout passes first; the JVM is
     *                               stopped then
     */
    public void awaitReady() {
        long deadline = launchedAt + config.readyTimeout().toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        int lastStatus = -1;
        String lastBody = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(config.name() + " exited with code " + process.exitValue()
                        + " before it was ready\n" + LogTail.of(config.logFile()));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                lastBody = response.body();
                if (lastStatus == 200) {
                    LOG.log(Level.INFO, "service ready name={0} url={1} ms={2}", config.name(), url(),
                            Long.toString(startupMillis()));
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for " + config.name(), e);
            }
            waitForExit(POLL_INTERVAL);
        }
        close();
        throw new IllegalStateException(config.name() + " not ready after " + config.readyTimeout().toSeconds() + " s"
                + (lastStatus > 0 ? "; readiness answered " + lastStatus + ": " + lastBody : "; no answer on " + url())
                + "\n" + LogTail.of(config.logFile(), 15));
    }

    public String name() {
        return config.name();
    }

    public int port() {
        return config.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + config.port();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return config.logFile();
    }

    /** Milliseconds from launch until now, or until ready when called right after {@link #awaitReady()}. */
    public long startupMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedAt);
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after 10 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(STOP_TIMEOUT)) {
            LOG.log(Level.WARNING, "service did not stop in {0}, killing name={1} pid={2}", STOP_TIMEOUT,
                    config.name(), Long.toString(process.pid()));
            process.destroyForcibly();
            waitForExit(STOP_TIMEOUT);
        }
        LOG.log(Level.INFO, "service stopped name={0}", config.name());
    }

    /** Waits up to {@code timeout} for the JVM to exit; true when it has. */
    private boolean waitForExit(Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
