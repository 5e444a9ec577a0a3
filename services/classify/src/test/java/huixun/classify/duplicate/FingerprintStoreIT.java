package huixun.classify.duplicate;

import huixun.classify.config.FixedClassifyConfig;
import huixun.stack.kafka.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The near-duplicate index through a real Kafka broker (a child JVM on loopback): what one replica records, another
 * replica, or the same one after a restart, knows once it has read the fingerprint topic.
 */
class FingerprintStoreIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SIMPLIFIED = "江西省委常委会召开会议，传达学习中央政治局常务委员会会议精神，研究我省贯彻落实意见。"
            + "会议要求，各级领导干部要带头深入基层、深入一线，抓实抓细疫情防控各项工作。";
    private static final String TRADITIONAL = "江西省委常委會召開會議，傳達學習中央政治局常務委員會會議精神，研究我省貫徹落實意見。"
            + "會議要求，各級領導幹部要帶頭深入基層、深入一線，抓實抓細疫情防控各項工作。";

    @TempDir
    static Path dataDir;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(new KafkaBroker.Config(dataDir, dataDir.resolve("kafka.log"), 0, 0,
                KafkaBroker.Config.DEFAULT_PARTITIONS, List.of(FingerprintStore.TOPIC),
                KafkaBroker.Config.DEFAULT_JVM_OPTIONS, Duration.ofSeconds(120)));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void anotherReplicaAndARestartedOneKnowWhatWasRecorded() {
        FingerprintStore first = started();
        FingerprintIndex.Entry original = first.record("00000000000000c1", TextFingerprint.of(SIMPLIFIED));
        first.persist(original).await().atMost(WAIT);

        FingerprintStore second = started();
        FingerprintIndex.Entry copy = second.record("00000000000000c2", TextFingerprint.of(TRADITIONAL));
        second.persist(copy).await().atMost(WAIT);
        assertEquals("00000000000000c1", copy.duplicateOf());

        // The first replica learns the second one's entry by following the topic.
        await().atMost(WAIT).until(() -> first.size() == 2);
        first.onStop(null);
        second.onStop(null);

        FingerprintStore restarted = started();
        assertEquals(2, restarted.size());
        assertEquals("00000000000000c1",
                restarted.record("00000000000000c2", TextFingerprint.of(TRADITIONAL)).duplicateOf());
        restarted.onStop(null);
    }

    private static FingerprintStore started() {
        FingerprintStore store = new FingerprintStore(FixedClassifyConfig.DEFAULTS.persisted(),
                broker.bootstrapServers());
        store.onStart(null);
        await().atMost(WAIT).until(store::isLoaded);
        return store;
    }
}
