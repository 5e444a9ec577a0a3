package huixun.classify.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.classify.topic.encoder.BgeSmallZhEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The quality gate: trains a model on each corpus's train split with native labels and the default settings (as
 * {@code TopicCli train} does, with its default sentence encoder), evaluates it as written to a file (quantised) on
 * the dev split, and fails when the accuracy drops more than the epsilon below the floor in {@value #GATES} (the
 * figures of docs/benchmarks.md).
 * Training here rather than loading a stored model also checks that the documented command still reproduces the
 * figures. Skips when the corpora are absent (they live beside the repository, in {@code ../shared/corpora}).
 */
class TopicAccuracyGateTest {
    private static final String GATES = "gates/topic-accuracy.json";

    @ParameterizedTest
    @ValueSource(strings = {"bbc_en_5", "thucnews_titles_zh_10", "fudan_zh_20"})
    void devAccuracyHoldsItsFloor(String corpus) throws IOException {
        Path folder = sharedCorpora().resolve(corpus);
        Path train = folder.resolve("train.jsonl.gz");
        Path dev = folder.resolve("dev.jsonl.gz");
        assumeTrue(Files.isRegularFile(train) && Files.isRegularFile(dev), "corpus absent: " + folder);

        JsonNode gates;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(GATES)) {
            gates = new ObjectMapper().readTree(in);
        }
        double floor = gates.path("corpora").path(corpus).path("floor").asDouble();
        double epsilon = gates.path("epsilon").asDouble();

        SentenceEncoder encoder = new BgeSmallZhEncoder();
        TopicModel model = new TopicTrainer(TopicTrainer.Settings.DEFAULTS, encoder).train(Corpus.read(train))
                .quantised();
        double accuracy = Evaluation.of(model, Corpus.read(dev), encoder).accuracy();

        assertTrue(accuracy >= floor - epsilon,
                corpus + " dev accuracy " + accuracy + " is more than " + epsilon + " below its floor " + floor);
    }

    /** {@code <repository root>/../shared/corpora}; the root is the nearest folder holding services/contracts. */
    private static Path sharedCorpora() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("services/contracts"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("absent") : dir.resolveSibling("shared").resolve("corpora");
    }
}
