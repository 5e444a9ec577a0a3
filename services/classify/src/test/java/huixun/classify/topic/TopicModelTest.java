package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicModelTest {
    private static final List<LabelledText> EXAMPLES = List.of(
            new LabelledText("1", "sport", "足球比赛 冠军 进球"),
            new LabelledText("2", "sport", "篮球比赛 球员 得分"),
            new LabelledText("3", "sport", "striker scores in cup final"),
            new LabelledText("4", "health", "医院 疫苗 病例 医生"),
            new LabelledText("5", "health", "新冠 病毒 核酸检测 医院"),
            new LabelledText("6", "health", "hospital doctors treat patients with the vaccine"));
    private static final TopicTrainer.Settings SMALL = new TopicTrainer.Settings(12, 10, 1.0, 0.5, 1);

    @Test
    void learnsTheTrainingExamples() throws IOException {
        TopicModel model = new TopicTrainer(SMALL).train(EXAMPLES).quantised();
        Evaluation evaluation = Evaluation.of(model, EXAMPLES);
        assertEquals(1.0, evaluation.accuracy());
        String[] report = evaluation.report(5).split("\\R");
        assertEquals("accuracy 1.0000", report[report.length - 1]);
    }

    @Test
    void sameDataAndSeedGiveTheSameFile() throws IOException {
        assertArrayEquals(bytes(new TopicTrainer(SMALL).train(EXAMPLES)),
                bytes(new TopicTrainer(SMALL).train(EXAMPLES)));
    }

    @Test
    void fileRoundTripKeepsLabelsAndPredictions() throws IOException {
        TopicModel model = new TopicTrainer(SMALL).train(EXAMPLES);
        TopicModel read = TopicModel.read(new ByteArrayInputStream(bytes(model)));
        assertEquals(List.of("health", "sport"), read.labels());
        double[] p = read.newScorer().probabilities("医院 核酸检测");
        assertEquals(1.0, p[0] + p[1], 1e-9);
        assertTrue(p[0] > 0.5);
    }

    @Test
    void aFileThatIsNoModelIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertThrows(IOException.class, () -> TopicModel.read(new ByteArrayInputStream(bytes.toByteArray())));
    }

    @Test
    void aFileOfAnEarlierVersionIsRefused() throws IOException {
        // 4: before the pairwise classifiers (session 7); 5: before the short-text neighbours (session 8).
        for (int version = 4; version <= 5; version++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.writeInt(0x4858544d);
                out.writeInt(version);
            }
            IOException refused = assertThrows(IOException.class,
                    () -> TopicModel.read(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals("unsupported topic model version " + version, refused.getMessage());
        }
    }

    @Test
    void aPairClassifierDecidesBetweenTheTopTwoLabels() throws IOException {
        double[] plain = scored(1.1f, 1.0f, Float.NaN);
        assertTrue(plain[0] > plain[1] && plain[1] > plain[2]);
        // ln(p_a / p_b) = 0.1; a pairwise margin of -1 (for "b") outweighs it and swaps the two, +1 keeps them.
        assertArrayEquals(new double[] {plain[1], plain[0], plain[2]}, scored(1.1f, 1.0f, -1), 1e-4);
        assertArrayEquals(plain, scored(1.1f, 1.0f, 1), 1e-4);
    }

    @Test
    void aPairClassifierLeavesAWideLeadAlone() throws IOException {
        // ln(p_a / p_b) = 4 is beyond PAIR_CONSULT_LOG_RATIO: even a strong margin for "b" is not consulted.
        assertArrayEquals(scored(5, 1, Float.NaN), scored(5, 1, -10), 1e-9);
    }

    /**
     * The probabilities of "甲乙" under a one-view model of labels a, b and c that scores it (a, b, 0), with a pair
     * classifier for a and b whose margin on it is {@code pairMargin} (none if NaN).
     */
    private static double[] scored(float a, float b, float pairMargin) throws IOException {
        int bits = 10;
        float[] idf = new float[1 << bits];
        Arrays.fill(idf, 1);
        SparseVector features = new FeatureHasher(FeatureHasher.View.CHARACTERS, bits, idf).features("甲乙");
        // All weight on the text's first bucket, so a score is exactly that weight times the bucket's value.
        int bucket = features.indices()[0];
        float value = features.values()[0];
        float[] weights = new float[(1 << bits) * 3];
        weights[bucket * 3] = a / value;
        weights[bucket * 3 + 1] = b / value;
        TopicModel.ViewClassifier view = TopicModel.ViewClassifier.of(FeatureHasher.View.CHARACTERS, idf, weights,
                new float[3], 1);
        List<TopicModel.PairClassifier> pairs = new ArrayList<>();
        if (!Float.isNaN(pairMargin)) {
            float[][] pairWeights = new float[1][1 << bits];
            pairWeights[0][bucket] = pairMargin / value;
            pairs.add(TopicModel.PairClassifier.of(0, 1, pairWeights, new float[1]));
        }
        return new TopicModel(List.of("a", "b", "c"), bits, List.of(view), pairs).quantised().newScorer()
                .probabilities("甲乙");
    }

    @Test
    void theTrainerLearnsPairsForConfusedLabelsOnlyAndKeepsThemInTheFile() throws IOException {
        List<LabelledText> examples = confusableExamples();
        TopicModel withPairs = new TopicTrainer(new TopicTrainer.Settings(12, 10, 1.0, 0.5, 1,
                List.of(FeatureHasher.View.CHARACTERS), 1)).train(examples);
        TopicModel withoutPairs = new TopicTrainer(new TopicTrainer.Settings(12, 10, 1.0, 0.5, 1,
                List.of(FeatureHasher.View.CHARACTERS), 0)).train(examples);
        assertEquals(1, withPairs.pairs().size());
        assertEquals(0, withoutPairs.pairs().size());
        // The confused pair is the two labels that share their vocabulary, never the distinct one ("c").
        int[] pair = withPairs.pairs().get(0);
        assertEquals(List.of(0, 1), List.of(pair[0], pair[1]));
        TopicModel read = TopicModel.read(new ByteArrayInputStream(bytes(withPairs)));
        assertArrayEquals(withPairs.pairs().get(0), read.pairs().get(0));
        assertArrayEquals(bytes(withPairs), bytes(read));
        TopicModel.Scorer scorer = read.newScorer();
        for (LabelledText example : examples.subList(0, 10)) {
            double[] p = scorer.probabilities(example.text());
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        }
    }

    /** Labels a and b draw from one shared vocabulary plus a few words of their own; c from its own. */
    private static List<LabelledText> confusableExamples() {
        String shared = "股市基金债券银行利率指数投资市场";
        String[] own = {"沪深涨跌", "央行信贷", "足球篮球"};
        Random random = new Random(7);
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int label = i % 3;
            StringBuilder text = new StringBuilder();
            for (int n = 0; n < 5; n++) {
                String from = label < 2 && random.nextInt(8) > 0 ? shared : own[label];
                text.append(from.charAt(random.nextInt(from.length())));
            }
            examples.add(new LabelledText(Integer.toString(i), "abc".substring(label, label + 1), text.toString()));
        }
        return examples;
    }

    private static byte[] bytes(TopicModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
