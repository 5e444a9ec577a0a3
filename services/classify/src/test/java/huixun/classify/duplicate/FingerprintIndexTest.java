package huixun.classify.duplicate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FingerprintIndexTest {
    private static final long ORIGINAL = 0x0123_4567_89ab_cdefL;

    @Test
    void withinKIsADuplicateOfTheEarliest() {
        FingerprintIndex index = new FingerprintIndex(3);
        index.add(new FingerprintIndex.Entry("late", ORIGINAL, 20, null));
        index.add(new FingerprintIndex.Entry("early", ORIGINAL ^ 1L, 10, null));

        // Three bits off "late", one in each of three bands (only the fourth agrees exactly), two off "early".
        long copy = ORIGINAL ^ 1L ^ (1L << 20) ^ (1L << 40);
        assertEquals("early", index.record("copy", copy, 30).duplicateOf());
    }

    @Test
    void beyondKIsAnOriginal() {
        FingerprintIndex index = new FingerprintIndex(3);
        index.record("a", ORIGINAL, 1);

        assertNull(index.record("b", ORIGINAL ^ 0b1111, 2).duplicateOf());
    }

    @Test
    void aDuplicateOfADuplicatePointsAtTheOriginal() {
        FingerprintIndex index = new FingerprintIndex(3);
        index.record("a", ORIGINAL, 1);
        index.record("b", ORIGINAL ^ 0b111, 2);

        // Six bits from a, three from b: only b is near, and b's original is a.
        assertEquals("a", index.record("c", ORIGINAL ^ 0b111_111, 3).duplicateOf());
    }

    @Test
    void largerKProbesNeighbouringBuckets() {
        FingerprintIndex index = new FingerprintIndex(7);
        index.record("a", ORIGINAL, 1);

        // Seven bits off, spread so that every band differs: found by probing one flipped bit per band.
        long copy = ORIGINAL ^ 0b11L ^ (0b11L << 16) ^ (0b11L << 32) ^ (1L << 48);
        assertEquals("a", index.record("b", copy, 2).duplicateOf());
    }

    @Test
    void theSameArticleAgainGetsItsFirstAnswer() {
        FingerprintIndex index = new FingerprintIndex(3);
        index.record("a", ORIGINAL, 1);
        index.record("b", ORIGINAL, 2);

        FingerprintIndex.Entry again = index.record("b", ORIGINAL, 3);
        assertEquals(new FingerprintIndex.Entry("b", ORIGINAL, 2, "a"), again);
        index.add(again);
        assertEquals(2, index.size());
    }

    @Test
    void kIsBoundedByTheBands() {
        assertThrows(IllegalArgumentException.class, () -> new FingerprintIndex(8));
    }
}
