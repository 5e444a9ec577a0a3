package huixun.classify.duplicate;

import huixun.classify.config.ClassifyConfig;
import huixun.contracts.json.EventJson;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Where the near-duplicate index lives: in memory ({@link FingerprintIndex}), rebuilt at start from the compacted
 * topic {@value #TOPIC} (keyed by article id, so it holds the latest fingerprint of every article). Each replica
 * reads every partition of it without a consumer group, from the beginning and then as it grows, so it also learns
 * the fingerprints the other replicas write; it writes the fingerprints of the articles it classifies itself.
 * Articles wait until the topic has been read up to its end offsets as of start.
 *
 * <p>Race: two replicas that classify near-duplicates within the same moment (before either fingerprint has come
 * back through the topic, usually well under a second) both see no earlier copy, so both are originals. That
 * misses a duplicate; it never marks a wrong one.
 */
@ApplicationScoped
public class FingerprintStore {
    public static final String TOPIC = "article-fingerprints";
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final FingerprintIndex index;
    private final boolean persist;
    private final String bootstrapServers;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    public FingerprintStore(ClassifyConfig config,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.index = new FingerprintIndex(config.duplicates().maxDistance());
        this.persist = config.duplicates().persist();
        this.bootstrapServers = bootstrapServers;
        if (!persist) {
            loaded.countDown();
        }
    }

    void onStart(@Observes StartupEvent start) {
        if (!persist) {
            return;
        }
        Thread reader = new Thread(this::readLog, "fingerprint-log");
        reader.setDaemon(true);
        reader.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        KafkaProducer<String, byte[]> writer = producer;
        if (writer != null) {
            writer.close(Duration.ofSeconds(5));
        }
    }

    /** Records the article in the index (after the log is loaded) and tells which earlier article it copies. */
    public FingerprintIndex.Entry record(String articleId, TextFingerprint fingerprint) {
        try {
            loaded.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fingerprint log loads", e);
        }
        return index.record(articleId, fingerprint.simhash(), System.currentTimeMillis());
    }

    /** Writes the entry to the topic; completes on the broker's acknowledgement (at once when not persisting). */
    public Uni<Void> persist(FingerprintIndex.Entry entry) {
        KafkaProducer<String, byte[]> writer = producer;
        if (writer == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(done -> writer.send(
                new ProducerRecord<>(TOPIC, entry.articleId(), EventJson.write(entry)), (metadata, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.fail(failure);
                    }
                }));
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    public int size() {
        return index.size();
    }

    private void readLog() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(consumerConfig())) {
                consumer = reading;
                List<PartitionInfo> partitions = reading.partitionsFor(TOPIC, METADATA_TIMEOUT);
                if (partitions == null || partitions.isEmpty()) {
                    // Without the topic (not created by the deployment) duplicates are still found since start.
                    Log.warnf("topic=%s outcome=missing index=memory_only", TOPIC);
                    loaded.countDown();
                    return;
                }
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig());
                }
                follow(reading, partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList());
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                Log.warnf(e, "topic=%s outcome=read_failed retrying=true", TOPIC);
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions) {
        reading.assign(partitions);
        reading.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reading.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : reading.poll(POLL)) {
                if (record.value() != null) {
                    add(record);
                }
            }
            if (!isLoaded() && partitions.stream().allMatch(p -> reading.position(p) >= ends.get(p))) {
                Log.infof("topic=%s outcome=loaded fingerprints=%d", TOPIC, index.size());
                loaded.countDown();
            }
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        try {
            index.add(EventJson.read(record.value(), FingerprintIndex.Entry.class));
        } catch (UncheckedIOException e) {
            // One unreadable record must not stop the index from loading: that article is just not remembered.
            Log.warnf("topic=%s partition=%d offset=%d outcome=unreadable detail=%s", TOPIC, record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Map<String, Object> consumerConfig() {
        // No group.id: partitions are assigned by hand and nothing is committed, every replica reads everything.
        // Never auto-created: a topic made by a broker default would not be compacted and would lose entries.
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
