package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

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
        // white space before the first character gives no n-gram (punctuation would: it counts as a character)
        String filler = " ".repeat(FeatureHasher.LEAD_CHARS);
        assertEquals(2, hasher.features("疫").size());
        assertEquals(1, hasher.features(filler + "疫").size());
    }

    @Test
    void chineseNGramsRunAcrossPunctuationAndScripts() {
        // 《 魔 兽 》: 4 unigrams + 3 bigrams + 2 trigrams, each also as a lead feature
        assertEquals(18, hasher.features("《魔兽》").size());
        // i p h o n e 发 布: 8 + 7 + 6 n-grams, plus the word "iphone", each twice
        assertEquals(44, hasher.features("iPhone发布").size());
    }

    @Test
    void chineseTextReadsDigitsAsTheirShapeAndFullWidthFormsAsAscii() {
        Set<Integer> rise = buckets(hasher.features("股价涨3.5%"));
        Set<Integer> otherRise = buckets(hasher.features("股价涨7.2%"));
        // only the words 3, 5 and their bigram (each also as a lead feature) tell them apart
        assertEquals(rise.size(), otherRise.size());
        rise.retainAll(otherRise);
        assertEquals(otherRise.size() - 6, rise.size());
        assertEquals(buckets(hasher.features("男童坠楼(图)")), buckets(hasher.features("男童坠楼（图）")));
    }

    private static Set<Integer> buckets(SparseVector vector) {
        return Arrays.stream(vector.indices()).boxed().collect(Collectors.toCollection(HashSet::new));
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
