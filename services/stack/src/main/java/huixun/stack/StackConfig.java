package huixun.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param serviceProperties  system properties for one service beyond what the stack sets, by service name (they
 *                           win over the stack's own, e.g. a benchmark's politeness settings for fetch)
 */
public record StackConfig(Path repoDir, Path dataDir, int fetchPort, int normalisePort, int classifyPort,
                          int publishPort, int sitePort, int kafkaPort, int kafkaControllerPort, int postgresPort,
                          List<String> serviceJvmOptions, List<String> kafkaJvmOptions, int kafkaPartitions,
                          Duration readyTimeout, boolean parallelServices,
                          Map<String, Map<String, String>> serviceProperties) {
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
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        serviceProperties.forEach((service, properties) -> copy.put(service, Map.copyOf(properties)));
        serviceProperties = Collections.unmodifiableMap(copy);
    }

    /** The documented ports, data in {@code <repo>/.huixun}. */
    public static StackConfig defaults(Path repoDir) {
        return new StackConfig(repoDir, repoDir.resolve(DATA_DIR_NAME), FETCH_PORT, NORMALISE_PORT, CLASSIFY_PORT,
                PUBLISH_PORT, SITE_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT,
                ServiceProcess.Config.DEFAULT_JVM_OPTIONS, KafkaBroker.Config.DEFAULT_JVM_OPTIONS,
                KafkaBroker.Config.DEFAULT_PARTITIONS, ServiceProcess.Config.DEFAULT_READY_TIMEOUT, true, Map.of());
    }

    /** Every port free, so that a test stack can run beside a developer's. */
    public StackConfig withFreePorts() {
        return new StackConfig(repoDir, dataDir, 0, 0, 0, 0, 0, 0, 0, 0, serviceJvmOptions, kafkaJvmOptions,
                kafkaPartitions, readyTimeout, parallelServices, serviceProperties);
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(repoDir, dir, fetchPort, normalisePort, classifyPort, publishPort, sitePort, kafkaPort,
                kafkaControllerPort, postgresPort, serviceJvmOptions, kafkaJvmOptions, kafkaPartitions, readyTimeout,
                parallelServices, serviceProperties);
    }

    public StackConfig withPartitions(int partitions) {
        return new StackConfig(repoDir, dataDir, fetchPort, normalisePort, classifyPort, publishPort, sitePort,
                kafkaPort, kafkaControllerPort, postgresPort, serviceJvmOptions, kafkaJvmOptions, partitions,
                readyTimeout, parallelServices, serviceProperties);
    }

    public StackConfig withServiceJvmOptions(List<String> options) {
        return new StackConfig(repoDir, dataDir, fetchPort, normalisePort, classifyPort, publishPort, sitePort,
                kafkaPort, kafkaControllerPort, postgresPort, options, kafkaJvmOptions, kafkaPartitions,
                readyTimeout, parallelServices, serviceProperties);
    }

    /** The same stack with one more system property for {@code service}. */
    public StackConfig withServiceProperty(String service, String key, String value) {
        Map<String, Map<String, String>> properties = new LinkedHashMap<>(serviceProperties);
        Map<String, String> forService = new LinkedHashMap<>(properties.getOrDefault(service, Map.of()));
        forService.put(key, value);
        properties.put(service, forService);
        return new StackConfig(repoDir, dataDir, fetchPort, normalisePort, classifyPort, publishPort, sitePort,
                kafkaPort, kafkaControllerPort, postgresPort, serviceJvmOptions, kafkaJvmOptions, kafkaPartitions,
                readyTimeout, parallelServices, properties);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path siteDir() {
        return repoDir.resolve("samples").resolve("site");
    }
}
