package huixun.stack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import huixun.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Main class of the broker's child JVM, started by {@link KafkaBroker}: formats the log directory on first use,
 * runs a KRaft broker+controller, creates the topics, then prints {@link #READY}. It exits when its standard input
 * reaches end of file, that is when the parent closes it or dies, so no broker outlives the process that started it.
 *
 * <p>Arguments: {@code <server.properties> <partitions> <topic>...}.
 */
public final class BrokerMain {
    /** Printed on standard output once the broker accepts clients and every topic exists. */
    public static final String READY = "HUIXUN-BROKER-READY";

    /** Each topic accepts what the broker does: pages up to 10 MB travel as single records. */
    static final String MAX_MESSAGE_BYTES = "33554432";

    // A clean shutdown normally takes a few seconds; past this the child stops hard so nothing lingers.
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(45);

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: BrokerMain <server.properties> <partitions> <topic>...");
            System.exit(2);
        }
        exitWhenStdinCloses();
        try {
            run(args);
        } catch (Exception e) {
            // The broker thread is not a daemon: without this exit a failed start would hang until stdin closes.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path serverProperties = Path.of(args[0]);
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = Arrays.asList(args).subList(2, args.length);
        Properties config = load(serverProperties);

        formatIfNeeded(serverProperties, config);
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {serverProperties.toString()}), "kafka");
        broker.start();
        awaitListening(bootstrapServers(config));
        createTopics(bootstrapServers(config), partitions, topics);
        System.out.println(READY);
        System.out.flush();
        broker.join();
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) != -1) {
                    // The parent never writes; reading only detects that it closed the pipe or died.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_GRACE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                Runtime.getRuntime().halt(1);
            }, "halt-after-grace");
            halt.setDaemon(true);
            halt.start();
            // Runs Kafka's shutdown hook: a clean stop, so the next start needs no log recovery.
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The cluster id is generated once and kept beside the logs, so a reused data directory formats only once. */
    private static void formatIfNeeded(Path serverProperties, Properties config) throws IOException {
        Path logDir = Path.of(config.getProperty("log.dirs"));
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path idFile = logDir.resolveSibling("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile, StandardCharsets.UTF_8).strip();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.createDirectories(idFile.getParent());
            Files.writeString(idFile, clusterId + "\n", StandardCharsets.UTF_8);
        }
        int exit = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", serverProperties.toString()}, System.out);
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exit);
        }
    }

    /** Waits for the client port, so the admin client does not log a warning per refused connection. */
    private static void awaitListening(String bootstrap) throws InterruptedException {
        String[] hostPort = bootstrap.split(":");
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kafka is not listening on " + bootstrap + " after " + TOPIC_TIMEOUT);
    }

    private static void createTopics(String bootstrap, int partitions, List<String> topics)
            throws InterruptedException, ExecutionException {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TOPIC_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            // describeCluster retries until the broker answers, which is the readiness that matters to clients.
            admin.describeCluster().clusterId().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : topics) {
                wanted.add(new NewTopic(topic, partitions, (short) 1).configs(Topics.COMPACTED.contains(topic)
                        ? Map.of("max.message.bytes", MAX_MESSAGE_BYTES, "cleanup.policy", "compact")
                        : Map.of("max.message.bytes", MAX_MESSAGE_BYTES)));
            }
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitTopicMetadata(admin, topics);
        }
    }

    /**
     * Waits until the broker serves metadata for every topic, so the first producer finds them. Right after
     * creation the broker may still answer "unknown topic" (it has not applied the metadata yet): that is retried.
     */
    private static void awaitTopicMetadata(Admin admin, List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                boolean notYet = e.getCause() instanceof UnknownTopicOrPartitionException;
                if (!notYet || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics not visible after " + TOPIC_TIMEOUT, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String bootstrapServers(Properties config) {
        return config.getProperty("advertised.listeners").replace("PLAINTEXT://", "");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
