package huixun.normalise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import huixun.normalise.extract.ArticleExtractor;
import huixun.normalise.extract.Extraction;
import huixun.pipeline.charset.CharsetDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Regression gate on extraction quality, after trafilatura's {@code eval_gate.py}: extracts every page of the
 * benchmark sets in {@code <repo>/../shared/bench} (decoded as the extract command decodes them), scores them with the
 * benchmark's method ({@link ShingleScorer}) and fails when F1 is more than epsilon below the figure recorded in
 * {@code gates/extraction.json}. Skipped when the benchmark is absent (a clone without {@code ../shared}). Quality
 * only: speed is measured by {@code bench.sh} into docs/benchmarks.md, never asserted.
 */
class ExtractionGateTest {
    /** Tests run in services/normalise; the repository root is two levels up and the benchmark sits beside it. */
    private static final Path BENCH = Path.of("../../../shared/bench");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArticleExtractor extractor;
    private static JsonNode floors;

    @BeforeAll
    static void load() throws InvalidRulesException, IOException {
        extractor = new ArticleExtractor(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE),
                2_000_000, 50);
        try (InputStream in = ExtractionGateTest.class.getClassLoader().getResourceAsStream("gates/extraction.json")) {
            floors = JSON.readTree(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aeb-dev", "zh-dev"})
    void f1StaysAtTheRecordedFigure(String set) throws IOException {
        Path truthFile = BENCH.resolve(set).resolve("ground-truth.json");
        assumeTrue(Files.isRegularFile(truthFile), "benchmark absent: " + truthFile.toAbsolutePath().normalize());
        JsonNode floor = floors.get(set);
        ShingleScorer scorer = new ShingleScorer(floor.get("tokenizer").asText());
        JsonNode truth = JSON.readTree(truthFile.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> pages = truth.fields(); pages.hasNext(); ) {
            Map.Entry<String, JsonNode> page = pages.next();
            Path html = BENCH.resolve(set).resolve("html").resolve(page.getKey() + ".html");
            String prediction = "";
            if (Files.isRegularFile(html)) {
                String decoded = CharsetDetector.decode(null, Files.readAllBytes(html)).html();
                Extraction extraction = extractor.extract(decoded, null);
                prediction = extraction instanceof Extraction.Article article ? article.text() : "";
            }
            JsonNode body = page.getValue().get("articleBody");
            scorer.add(body == null || body.isNull() ? "" : body.asText(), prediction);
        }
        double f1 = scorer.f1();
        double recorded = floor.get("f1").asDouble();
        double epsilon = floor.get("epsilon").asDouble();
        System.out.printf("gate set=%s f1=%.4f recorded=%.4f%n", set, f1, recorded);
        assertTrue(f1 >= recorded - epsilon, String.format("%s: F1 %.4f is more than %.2f below the recorded %.4f",
                set, f1, epsilon, recorded));
    }
}
