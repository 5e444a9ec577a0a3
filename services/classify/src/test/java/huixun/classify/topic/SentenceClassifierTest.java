package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceClassifierTest {
    /**
     * A stand-in for a pretrained encoder: a text's vector counts its characters from each of three groups, scaled
     * to unit length, so texts on one "subject" lie close.
     */
    private record GroupEncoder(String name) implements SentenceEncoder {
        private static final String[] GROUPS = {"股市基金债券", "央行信贷利率", "足球篮球比赛"};

        @Override
        public float[] embed(String text) {
            float[] vector = new float[GROUPS.length + 1];
            vector[GROUPS.length] = 1; // a constant dimension: no text has a zero vector
            for (char c : text.toCharArray()) {
                for (int g = 0; g < GROUPS.length; g++) {
                    vector[g] += GROUPS[g].indexOf(c) >= 0 ? 1 : 0;
                }
            }
            double length = 0;
            for (float v : vector) {
                length += v * v;
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) Math.sqrt(length);
            }
            return vector;
        }
    }

    private static final SentenceEncoder ENCODER = new GroupEncoder("groups");
    private static final TopicTrainer.Settings SMALL = new TopicTrainer.Settings(12, 10, 1.0, 0.5, 1,
            List.of(FeatureHasher.View.CHARACTERS), 0, 0);

    @Test
    void learnsWhichLabelEachRegionOfTheVectorSpaceHolds() {
        List<LabelledText> examples = headlines(300);
        List<float[]> vectors = ENCODER.embedAll(examples.stream().map(LabelledText::text).toList());
        int[] targets = examples.stream().mapToInt(e -> "abc".indexOf(e.label())).toArray();
        SentenceClassifier classifier = SentenceClassifier.train("groups", vectors, targets, 3);
        for (int g = 0; g < 3; g++) {
            double[] p = classifier.probabilities(ENCODER.embed(GroupEncoder.GROUPS[g]));
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
            assertTrue(p[g] > 0.8, Arrays.toString(p));
        }
        assertThrows(IllegalArgumentException.class, () -> classifier.probabilities(new float[2]));
    }

    @Test
    void aModelTrainedWithAnEncoderNeedsItToScoreAndKeepsItsClassifierInTheFile() throws IOException {
        List<LabelledText> examples = headlines(ShortTextNeighbours.MIN_TEXTS + 200);
        TopicModel model = new TopicTrainer(SMALL, ENCODER).train(examples);
        assertEquals("groups", model.encoder());
        assertThrows(IllegalStateException.class, model::newScorer);
        assertThrows(IllegalStateException.class, () -> model.newScorer(new GroupEncoder("another")));

        byte[] file = bytes(model);
        assertEquals(7, version(file));
        TopicModel read = TopicModel.read(new ByteArrayInputStream(file));
        assertArrayEquals(file, bytes(read));
        TopicModel.Scorer scorer = model.newScorer(ENCODER);
        TopicModel.Scorer readScorer = read.newScorer(ENCODER);
        for (LabelledText example : examples.subList(0, 20)) {
            assertArrayEquals(scorer.probabilities(example.text()), readScorer.probabilities(example.text()), 1e-12);
        }
    }

    @Test
    void withoutAnEncoderOrEnoughShortTextsTheModelHasNoClassifierAndKeepsVersion6() throws IOException {
        TopicModel withoutEncoder = new TopicTrainer(SMALL).train(headlines(ShortTextNeighbours.MIN_TEXTS + 200));
        TopicModel tooFewShortTexts = new TopicTrainer(SMALL, ENCODER).train(headlines(300));
        for (TopicModel model : List.of(withoutEncoder, tooFewShortTexts)) {
            assertNull(model.encoder());
            assertEquals(6, version(bytes(model)));
            model.newScorer();
        }
    }

    @Test
    void aShortTextsProbabilitiesAreBlendedWithTheClassifiersAndALongTextsAreNot() throws IOException {
        List<LabelledText> examples = headlines(ShortTextNeighbours.MIN_TEXTS + 200);
        TopicModel model = new TopicTrainer(SMALL, ENCODER).train(examples);
        // The same views and pairs without the classifier: the file without its last section, as version 6.
        TopicModel plain = new TopicTrainer(SMALL).train(examples);
        List<float[]> vectors = ENCODER.embedAll(examples.stream().map(LabelledText::text).toList());
        SentenceClassifier classifier = SentenceClassifier.train("groups", vectors,
                examples.stream().mapToInt(e -> "abc".indexOf(e.label())).toArray(), 3);

        String headline = "股市央行足球";
        double[] blended = model.newScorer(ENCODER).probabilities(headline);
        double[] views = plain.newScorer().probabilities(headline);
        double[] encoded = classifier.probabilities(ENCODER.embed(headline));
        for (int c = 0; c < 3; c++) {
            assertEquals((1 - SentenceClassifier.WEIGHT) * views[c] + SentenceClassifier.WEIGHT * encoded[c],
                    blended[c], 1e-9);
        }
        String article = headline.repeat(40);
        assertArrayEquals(plain.newScorer().probabilities(article), model.newScorer(ENCODER).probabilities(article),
                1e-12);
    }

    /** Headlines of labels a, b and c, each drawn mostly from its own group of characters. */
    private static List<LabelledText> headlines(int count) {
        Random random = new Random(11);
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 3;
            StringBuilder text = new StringBuilder();
            for (int n = 0; n < 6; n++) {
                String from = GroupEncoder.GROUPS[random.nextInt(5) > 0 ? label : random.nextInt(3)];
                text.append(from.charAt(random.nextInt(from.length())));
            }
            examples.add(new LabelledText(Integer.toString(i), "abc".substring(label, label + 1), text.toString()));
        }
        return examples;
    }

    private static int version(byte[] file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)))) {
            in.readInt();
            return in.readInt();
        }
    }

    private static byte[] bytes(TopicModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
