package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortTextNeighboursTest {
    /** Wide enough that the texts here share no bucket by a hash collision. */
    private static final int BITS = 18;
    private static final String[] STORED = {"足球比赛进球", "篮球比赛得分", "股市指数上涨", "央行下调利率"};
    private static final int[] STORED_LABELS = {0, 0, 1, 1};

    @Test
    void theNearestTextsVoteForTheirLabels() {
        double[] shares = index().newVote().shares(features("足球比赛冠军"));
        assertNotNull(shares);
        assertEquals(1.0, shares[0] + shares[1], 1e-9);
        assertTrue(shares[0] > 0.9, Arrays.toString(shares));
    }

    @Test
    void aTextSharingNoFeatureWithAnyStoredTextGetsNoVote() {
        assertNull(index().newVote().shares(features("ウイルス")));
    }

    @Test
    void aCloserNeighbourOutvotesAFartherOne() {
        // Shares 比赛 with both sport texts, and 股市指数 with a finance text.
        double[] shares = index().newVote().shares(features("股市指数比赛"));
        assertTrue(shares[1] > shares[0], Arrays.toString(shares));
    }

    @Test
    void onlyTextsUpToTheLimitAreShort() {
        assertTrue(ShortTextNeighbours.isShort("新".repeat(ShortTextNeighbours.MAX_CHARS)));
        assertFalse(ShortTextNeighbours.isShort("新".repeat(ShortTextNeighbours.MAX_CHARS + 1)));
    }

    @Test
    void fileRoundTripKeepsTheVotes() throws IOException {
        ShortTextNeighbours index = index();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes));
        ShortTextNeighbours read = ShortTextNeighbours.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 2, BITS, 1);
        assertEquals(STORED.length, read.size());
        for (String text : List.of("足球比赛冠军", "股市指数比赛", "利率")) {
            assertArrayEquals(index.newVote().shares(features(text)), read.newVote().shares(features(text)), 1e-12);
        }
    }

    @Test
    void theTrainerKeepsShortTextsOnlyWhenThereAreEnough() throws IOException {
        TopicTrainer.Settings settings = new TopicTrainer.Settings(12, 2, 1.0, 0.5, 1,
                List.of(FeatureHasher.View.CHARACTERS), 0);
        List<LabelledText> headlines = headlines(ShortTextNeighbours.MIN_TEXTS);
        TopicModel model = new TopicTrainer(settings).train(headlines);
        assertEquals(ShortTextNeighbours.MIN_TEXTS, model.neighbourTexts());
        TopicModel read = model.quantised();
        assertEquals(ShortTextNeighbours.MIN_TEXTS, read.neighbourTexts());
        assertArrayEquals(bytes(model), bytes(read));
        List<LabelledText> tooFew = headlines.subList(0, ShortTextNeighbours.MIN_TEXTS - 1);
        assertEquals(0, new TopicTrainer(settings).train(tooFew).neighbourTexts());
        TopicTrainer.Settings none = new TopicTrainer.Settings(12, 2, 1.0, 0.5, 1,
                List.of(FeatureHasher.View.CHARACTERS), 0, 0);
        assertEquals(0, new TopicTrainer(none).train(headlines).neighbourTexts());
    }

    @Test
    void onlyShortTextsConsultTheVote() throws IOException {
        // A view with no weights gives every label 0.5: the vote alone moves a short text's probabilities.
        float[] idf = new float[1 << BITS];
        Arrays.fill(idf, 1);
        TopicModel.ViewClassifier view = TopicModel.ViewClassifier.of(FeatureHasher.View.CHARACTERS, idf,
                new float[(1 << BITS) * 2], new float[2], 1);
        TopicModel model = new TopicModel(List.of("sport", "finance"), BITS, List.of(view), List.of(), index(), null)
                .quantised();
        double[] headline = model.newScorer().probabilities("足球比赛冠军");
        assertEquals(0.5 + ShortTextNeighbours.WEIGHT / 2, headline[0], 1e-9);
        assertEquals(1.0, headline[0] + headline[1], 1e-9);
        String article = "足球比赛冠军。" + "篮".repeat(ShortTextNeighbours.MAX_CHARS);
        assertArrayEquals(new double[] {0.5, 0.5}, model.newScorer().probabilities(article), 1e-9);
    }

    private static ShortTextNeighbours index() {
        List<SparseVector> vectors = new ArrayList<>();
        for (String text : STORED) {
            vectors.add(features(text)[0]);
        }
        return ShortTextNeighbours.of(STORED_LABELS, 2, BITS, List.of(vectors));
    }

    private static SparseVector[] features(String text) {
        return new SparseVector[] {new FeatureHasher(FeatureHasher.View.CHARACTERS, BITS, null).features(text)};
    }

    /** Headlines of two labels, each five characters from its own vocabulary. */
    private static List<LabelledText> headlines(int count) {
        String[] vocabularies = {"股市基金债券银行利率指数", "足球篮球比赛冠军进球得分"};
        Random random = new Random(3);
        List<LabelledText> headlines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String vocabulary = vocabularies[i % 2];
            StringBuilder text = new StringBuilder();
            for (int n = 0; n < 5; n++) {
                text.append(vocabulary.charAt(random.nextInt(vocabulary.length())));
            }
            headlines.add(new LabelledText(Integer.toString(i), i % 2 == 0 ? "finance" : "sport", text.toString()));
        }
        return headlines;
    }

    private static byte[] bytes(TopicModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
