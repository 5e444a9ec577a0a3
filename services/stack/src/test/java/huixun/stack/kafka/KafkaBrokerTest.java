package huixun.stack.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import huixun.contracts.Topics;

class KafkaBrokerTest {
    /** A 10 MB GBK page becomes about 15 MB of JSON (3 UTF-8 bytes per Han character): random, so zstd cannot help. */
    private static final int PAGE_JSON_BYTES = 15 * 1024 * 1024;
    private static final int LIMIT = 32 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void createsTheTopicsCarriesATenMegabytePageRecordAndLeavesNoProcessBehind() throws Exception {
        long pid;
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Config.defaults(dir))) {
            pid = broker.pid();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(topics.containsAll(Topics.all()), () -> "topics: " + topics);
                assertEquals(3, admin.describeTopics(List.of(Topics.PAGES_FETCHED)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(Topics.PAGES_FETCHED).partitions().size());
            }

            byte[] page = new byte[PAGE_JSON_BYTES];
            new Random(7).nextBytes(page);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LIMIT,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.PAGES_FETCHED, 0, "article", page)).get(30, TimeUnit.SECONDS);
            }
            assertArrayEquals(page, consumeOne(broker.bootstrapServers()));
        }
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertFalse(child.isPresent() && child.get().isAlive(), "broker JVM still running");
    }

    private static byte[] consumeOne(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, LIMIT,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, LIMIT),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.PAGES_FETCHED, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofSeconds(1)).forEach(received::add);
            }
            assertEquals(1, received.size());
            return received.get(0).value();
        }
    }
}
