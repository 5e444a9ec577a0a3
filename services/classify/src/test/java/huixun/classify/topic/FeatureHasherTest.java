package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureHasherTest {
    private final FeatureHasher hasher = new FeatureHasher(18);

    @Test
    void chineseGivesCharacterUniBiAndTrigramsTwiceInTheLead() {
        // 3 unigrams + 2 bigrams + 1 trigram, each also as a lead feature
        assertEquals(12, hasher.features("疫情防").size());
    }

    @Test
    void latinGivesLowerCasedWordsAndBigrams() {
        SparseVector upper = hasher.features("Cup Final");
        SparseVector lower = hasher.features("cup final");
        assertArrayEquals(lower.indices(), upper.indices());
        assertEquals(6, lower.size()); // cup, final, "cup final", each also as a lead feature
    }

    @Test
    void vectorHasUnitLengthAndIsReproducible() {
        SparseVector first = hasher.features("江苏省委常委会召开会议 meeting on epidemic control");
        double norm = 0;
        for (float v : first.values()) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-5);
        assertArrayEquals(first.indices(), hasher.features("江苏省委常委会召开会议 meeting on epidemic control").indices());
    }

    @Test
    void textBeyondTheLeadIsNotDoubled() {
        String filler = "。".repeat(FeatureHasher.LEAD_CHARS);
        assertEquals(2, hasher.features("疫").size());
        assertEquals(1, hasher.features(filler + "疫").size());
    }

    @Test
    void wordViewCutsChineseIntoDictionaryWordsAndReadsLatinAsTheCharacterViewDoes() {
        FeatureHasher words = new FeatureHasher(FeatureHasher.View.WORDS, 18, null);
        // 足球, 比赛 and the bigram "足球 比赛", each also as a lead feature; characters: 4 + 3 + 2 n-grams, twice
        assertEquals(6, words.features("足球比赛").size());
        assertEquals(18, hasher.features("足球比赛").size());
        assertArrayEquals(hasher.features("Cup Final").indices(), words.features("Cup Final").indices());
    }

    @Test
    void idfWeighsBuckets() {
        float[] idf = new float[1 << 18];
        Arrays.fill(idf, 1);
        SparseVector plain = new FeatureHasher(FeatureHasher.View.CHARACTERS, 18, idf).features("a b");
        idf[plain.indices()[0]] = 5;
        SparseVector weighted = new FeatureHasher(FeatureHasher.View.CHARACTERS, 18, idf).features("a b");
        assertNotEquals(plain.values()[0], weighted.values()[0]);
        assertTrue(weighted.values()[0] > weighted.values()[1]);
    }
}
