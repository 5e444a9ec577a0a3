package huixun.stack.kafka;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import huixun.contracts.Topics;
import huixun.stack.process.Jvm;
import huixun.stack.process.LogTail;
import huixun.stack.process.LoopbackPort;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) on 127.0.0.1, running in a child JVM so that
 * Kafka's Scala and Jackson dependencies never meet anyone else's. The child ({@link BrokerMain}) creates the topics
 * before it reports ready, and exits when this side closes its standard input or dies.
 */
public final class KafkaBroker implements AutoCloseable {
    /** Written at build time by maven-dependency-plugin: the module's runtime classpath. */
    public static final String CLASSPATH_RESOURCE = "huixun/stack/kafka/broker.classpath";

    private static final Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final String LOG4J_CONFIG = "huixun/stack/kafka/broker-log4j2.properties";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final Thread outputCopier;

    /**
     * How to run the broker.
     *
     * @param dataDir        server.properties, cluster id and the log directory ({@code logs/} inside) live here
     * @param logFile        the child's standard output and error
     * @param port           client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     * @param partitions     partitions of each created topic
     * @param topics         topics created before the broker reports ready
     * @param jvmOptions     options of the child JVM
     * @param startTimeout   how long to wait for the ready line
     */
    public record Config(Path dataDir, Path logFile, int port, int controllerPort, int partitions,
                         List<String> topics, List<String> jvmOptions, Duration startTimeout) {
        public static final int DEFAULT_PARTITIONS = 3;
        // The broker idles at ~185 MB RSS with -Xmx128m; 192m leaves room for 10 MB records in flight. C1 only:
        // on a busy 2-core machine the broker was ready in ~5.5 s instead of 9.5-15 s (KafkaBroker.start, 2026-11),
        // and a local broker never needs C2's peak throughput.
        public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1");

        public Config {
            topics = List.copyOf(topics);
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** Free ports, every Huixun topic with 3 partitions, the log in {@code <dataDir>/kafka.log}. */
        public static Config defaults(Path dataDir) {
            return new Config(dataDir, dataDir.resolve("kafka.log"), 0, 0, DEFAULT_PARTITIONS, Topics.all(),
                    DEFAULT_JVM_OPTIONS, Duration.ofSeconds(60));
        }

        public Config withLogFile(Path file) {
            return new Config(dataDir, file, port, controllerPort, partitions, topics, jvmOptions, startTimeout);
        }

        public Config withPorts(int clientPort, int controller) {
            return new Config(dataDir, logFile, clientPort, controller, partitions, topics, jvmOptions, startTimeout);
        }

        public Config withPartitions(int count) {
            return new Config(dataDir, logFile, port, controllerPort, count, topics, jvmOptions, startTimeout);
        }

        public Config withJvmOptions(List<String> options) {
            return new Config(dataDir, logFile, port, controllerPort, partitions, topics, options, startTimeout);
        }
    }

    private KafkaBroker(Process process, int port, int controllerPort, Path logFile, Thread outputCopier) {
        this.process = process;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.outputCopier = outputCopier;
    }

    /** Starts the broker and returns once every topic of {@code config} exists. */
    public static KafkaBroker start(Config config) {
        long started = System.nanoTime();
        Path dataDir = config.dataDir().toAbsolutePath();
        int port = LoopbackPort.orFree(config.port());
        int controllerPort = LoopbackPort.orFree(config.controllerPort());
        if (controllerPort == port) {
            controllerPort = LoopbackPort.free();
        }
        Path serverProperties = writeServerProperties(dataDir, port, controllerPort);

        List<String> command = new ArrayList<>();
        command.add(Jvm.executable());
        command.addAll(config.jvmOptions());
        command.addAll(List.of("-Dlog4j2.configurationFile=" + LOG4J_CONFIG, "-cp", childClasspath(),
                BrokerMain.class.getName(), serverProperties.toString(), Integer.toString(config.partitions())));
        command.addAll(config.topics());

        Process process;
        try {
            Files.createDirectories(config.logFile().toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).directory(dataDir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker JVM", e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, config.logFile(), ready), "kafka-output");
        copier.setDaemon(true);
        copier.start();
        KafkaBroker broker = new KafkaBroker(process, port, controllerPort, config.logFile(), copier);
        try {
            ready.get(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            broker.close();
            String why = e instanceof TimeoutException ? "not ready after " + config.startTimeout()
                    : e.getCause().getMessage();
            throw new IllegalStateException("Kafka broker failed to start: " + why + "\n" + LogTail.of(broker.logFile));
        } catch (InterruptedException e) {
            broker.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        }
        LOG.log(Level.INFO, "kafka started bootstrap={0} pid={1} ms={2}", broker.bootstrapServers(),
                Long.toString(process.pid()),
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        return broker;
    }

    public int port() {
        return port;
    }

    /** The KRaft controller port this broker listens on (a restart must reuse it). */
    public int controllerPort() {
        return controllerPort;
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Closes the child's standard input, which makes it shut the broker down; forces it after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The pipe is already broken: the child has seen end of file or is gone; both end in the wait below.
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "kafka did not stop in {0}, killing pid={1}", STOP_TIMEOUT,
                        Long.toString(process.pid()));
                process.destroyForcibly().waitFor();
            }
            outputCopier.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.log(Level.INFO, "kafka stopped pid={0} ms={1}", Long.toString(process.pid()),
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
    }

    /** Copies the child's output to the log file and completes {@code ready} on the ready line. */
    private static void copyOutput(Process process, Path logFile, CompletableFuture<Void> ready) {
        try (InputStream in = process.getInputStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.equals(BrokerMain.READY)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the broker JVM exited" + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return " with code " + process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Path writeServerProperties(Path dataDir, int port, int controllerPort) {
        String properties = """
                # Written by huixun.stack.kafka.KafkaBroker on every start (ports may change); edits are lost.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                # The default of 50 offsets partitions makes the first consumer group wait while they are created.
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # The default dedupe buffer wants 128 MB of heap.
                log.cleaner.dedupe.buffer.size=4194304
                # Pages up to 10 MB travel as single records (see BRIEF, Kafka channels).
                message.max.bytes=33554432
                replica.fetch.max.bytes=33554432
                """.formatted(port, controllerPort, dataDir.resolve("logs").toString().replace("\\", "/"));
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            Files.writeString(file, properties, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write server.properties in " + dataDir, e);
        }
    }

    /** The jars listed at build time plus wherever this class was loaded from (target/classes or the stack jar). */
    static String childClasspath() {
        InputStream resource = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build services/stack with Maven "
                    + "(mvn -pl services/stack install) so maven-dependency-plugin writes it");
        }
        try (InputStream in = resource) {
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return ownLocation() + File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    /** Where the stack's own classes come from. */
    private static Path ownLocation() {
        try {
            return Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the stack's classes", e);
        }
    }
}
