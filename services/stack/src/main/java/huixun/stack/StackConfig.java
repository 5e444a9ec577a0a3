package huixun.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import huixun.stack.kafka.KafkaBroker;
import huixun.stack.service.ServiceProcess;

/**
 * What {@link Stack} starts and where. A port of 0 means a free port, chosen at start.
 *
 * @param repoDir            the repository: service jars under {@code services/<name>/target}, pages under
 *                           {@code samples/site}
 * @param dataDir            everything the stack writes: PostgreSQL cluster, Kafka logs, {@code logs/},
 *                           {@code stack.properties}
 * @param fetchPort          HTTP port of fetch
 * @param normalisePort      HTTP port of normalise
 * @param classifyPort       HTTP port of classify
 * @param publishPort        HTTP port of publish
 * @param sitePort           HTTP port of the sample site
 * @param kafkaPort          Kafka client port
 * @param kafkaControllerPort KRaft controller port
 * @param postgresPort       PostgreSQL port
 * @param serviceJvmOptions  options of each service JVM
 * @param kafkaJvmOptions    options of the broker JVM
 * @param kafkaPartitions    partitions of each topic
 * @param readyTimeout       how long each service may take to become ready
 * @param parallelServices   boot the four services side by side rather than one after another
 */
public record StackConfig(Path repoDir, Path dataDir, int fetchPort, int normalisePort, int classifyPort,
                          int publishPort, int sitePort, int kafkaPort, int kafkaControllerPort, int postgresPort,
                          List<String> serviceJvmOptions, List<String> kafkaJvmOptions, int kafkaPartitions,
                          Duration readyTimeout, boolean parallelServices) {
    public static final int FETCH_PORT = 8081;
    public static final int NORMALISE_PORT = 8082;
    public static final int CLASSIFY_PORT = 8083;
    public static final int PUBLISH_PORT = 8084;
    public static final int SITE_PORT = 8090;
    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int POSTGRES_PORT = 15432;
    /** Gitignored; holds nothing that cannot be thrown away. */
    public static final String DATA_DIR_NAME = ".huixun";

    public StackConfig {
        repoDir = repoDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
    }

    /** The documented ports, data in {@code <repo>/.huixun}. */
    public static StackConfig defaults(Path repoDir) {
        return new StackConfig(repoDir, repoDir.resolve(DATA_DIR_NAME), FETCH_PORT, NORMALISE_PORT, CLASSIFY_PORT,
                PUBLISH_PORT, SITE_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT,
                ServiceProcess.Config.DEFAULT_JVM_OPTIONS, KafkaBroker.Config.DEFAULT_JVM_OPTIONS,
                KafkaBroker.Config.DEFAULT_PARTITIONS, ServiceProcess.Config.DEFAULT_READY_TIMEOUT, true);
    }

    /** Every port free, so that a test stack can run beside a developer's. */
    public StackConfig withFreePorts() {
        return new StackConfig(repoDir, dataDir, 0, 0, 0, 0, 0, 0, 0, 0, serviceJvmOptions, kafkaJvmOptions,
                kafkaPartitions, readyTimeout, parallelServices);
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(repoDir, dir, fetchPort, normalisePort, classifyPort, publishPort, sitePort, kafkaPort,
                kafkaControllerPort, postgresPort, serviceJvmOptions, kafkaJvmOptions, kafkaPartitions, readyTimeout,
                parallelServices);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path siteDir() {
        return repoDir.resolve("samples").resolve("site");
    }
}
