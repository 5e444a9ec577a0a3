package huixun.classify.topic;

import java.util.Arrays;

/**
 * Turns a text into a sparse feature vector by the hashing trick: character 1- to 3-grams inside runs of CJK
 * characters (Chinese has no spaces, and short n-grams stand in for words without a segmenter), lower-cased word
 * unigrams and bigrams for Latin scripts and digits. Each feature's value is {@code log(1 + count)}, the vector is
 * scaled to unit length so long and short articles train alike; n-grams of the title and lead also count as
 * features of their own ({@link #LEAD_CHARS}). No strings are built: n-grams are hashed from
 * their characters, which keeps scoring fast (see docs/benchmarks.md). With inverse document frequencies (learnt
 * by {@link TopicTrainer}) each value is also multiplied by its bucket's idf before scaling, so that the function
 * words every text shares (的, 是, the) do not dominate the length of a long article's vector. Only the first
 * {@value #MAX_CHARS} characters count: a news article says what it is about up front, and scoring time stays
 * bounded for very long pages.
 *
 * <p>Not thread-safe: it keeps a scratch array of one float per bucket. Use one per thread.
 */
public final class FeatureHasher {
    private static final int CJK_SEED = 0x2f1b3c5d;
    private static final int WORD_SEED = 0x6a09e667;
    private static final int BIGRAM_SEED = 0x3c6ef372;

    /** Where reading stops: reading 30,000 instead moved fudan_zh_20 dev accuracy by 0.001 and costs time. */
    public static final int MAX_CHARS = 6000;

    /**
     * N-grams starting in the first {@value} characters (the title and lead, as the service passes title first)
     * count a second time as features of their own: what a text says up front tells its topic best, and on
     * fudan_zh_20 (whose first line names the journal) this was +1 point of dev accuracy.
     */
    public static final int LEAD_CHARS = 200;
    private static final int LEAD_SEED = 0x510e527f;
    /** log(1 + n) for the counts most n-grams have: a table lookup instead of a logarithm per feature. */
    private static final float[] LOG1P = new float[256];

    static {
        for (int n = 0; n < LOG1P.length; n++) {
            LOG1P[n] = (float) Math.log1p(n);
        }
    }

    private final int bits;
    private final int mask;
    private final float[] idf;
    private final float[] counts;
    private int position;
    private int[] touched = new int[1024];
    private int touchedCount;

    public FeatureHasher(int bits) {
        this(bits, null);
    }

    /** @param idf one weight per bucket, or null for none */
    public FeatureHasher(int bits, float[] idf) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("hash bits must be 10..24, got " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.counts = new float[1 << bits];
        if (idf != null && idf.length != counts.length) {
            throw new IllegalArgumentException("idf has " + idf.length + " buckets, expected " + counts.length);
        }
        this.idf = idf;
    }

    public int bits() {
        return bits;
    }

    public SparseVector features(String text) {
        touchedCount = 0;
        int length = Math.min(text.length(), MAX_CHARS);
        int cjkRun = 0;
        int previousWord = 0;
        boolean hasPreviousWord = false;
        int i = 0;
        while (i < length) {
            position = i;
            char c = text.charAt(i);
            if (isCjk(c)) {
                cjkRun++;
                add(mix(CJK_SEED, c));
                if (cjkRun >= 2) {
                    add(mix(mix(CJK_SEED + 1, text.charAt(i - 1)), c));
                }
                if (cjkRun >= 3) {
                    add(mix(mix(mix(CJK_SEED + 2, text.charAt(i - 2)), text.charAt(i - 1)), c));
                }
                hasPreviousWord = false;
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                cjkRun = 0;
                int word = WORD_SEED;
                while (i < length && Character.isLetterOrDigit(text.charAt(i)) && !isCjk(text.charAt(i))) {
                    word = mix(word, Character.toLowerCase(text.charAt(i)));
                    i++;
                }
                add(word);
                if (hasPreviousWord) {
                    add(mix(mix(BIGRAM_SEED, previousWord), word));
                }
                previousWord = word;
                hasPreviousWord = true;
            } else {
                cjkRun = 0;
                i++;
            }
        }
        return collect();
    }

    private void add(int hash) {
        put(hash);
        if (position < LEAD_CHARS) {
            put(hash ^ LEAD_SEED);
        }
    }

    private void put(int hash) {
        int bucket = finish(hash) & mask;
        if (counts[bucket] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = bucket;
        }
        counts[bucket]++;
    }

    private SparseVector collect() {
        int[] indices = Arrays.copyOf(touched, touchedCount);
        float[] values = new float[touchedCount];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            int count = (int) counts[indices[k]];
            float value = count < LOG1P.length ? LOG1P[count] : (float) Math.log1p(count);
            if (idf != null) {
                value *= idf[indices[k]];
            }
            counts[indices[k]] = 0;
            values[k] = value;
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < values.length; k++) {
                values[k] *= scale;
            }
        }
        return new SparseVector(indices, values);
    }

    /** Han, kana and Hangul, plus CJK punctuation-free symbols in the unified ideograph blocks. */
    static boolean isCjk(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
    }

    private static int mix(int hash, int value) {
        int k = value * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        int h = hash ^ k;
        return Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    /** MurmurHash3's finaliser: spreads the bits so the low ones (the bucket) depend on every character. */
    private static int finish(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
