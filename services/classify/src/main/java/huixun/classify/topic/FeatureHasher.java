package huixun.classify.topic;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.Arrays;

/**
 * Turns a text into a sparse feature vector by the hashing trick, in one of two {@link View}s of its Chinese:
 * character 1- to 3-grams inside runs of CJK characters (Chinese has no spaces, and short n-grams stand in for words
 * without a segmenter) plus, in the title and lead ({@link #LEAD_CHARS}), those that cross into digits, punctuation
 * and Latin letters, or the words and word bigrams of HanLP's dictionary segmentation of the CJK runs; in both,
 * lower-cased word unigrams and bigrams for Latin scripts and digits. Each feature's value is
 * {@code log(1 + count)}, the vector is scaled to unit length so long and short articles train alike; n-grams of the
 * title and lead also count as features of their own. Characters and words are hashed from their characters, with
 * no strings built for the character view, which keeps scoring fast (see docs/benchmarks.md). With inverse document
 * frequencies (learnt by {@link TopicTrainer}) each value is also multiplied by its bucket's idf before scaling, so
 * that the function words every text shares (的, 是, the) do not dominate the length of a long article's vector.
 * Only the first {@value #MAX_CHARS} characters count ({@value #WORD_VIEW_CHARS} for the word view): a news article
 * says what it is about up front, and scoring time stays bounded for very long pages.
 *
 * <p>Not thread-safe: it keeps a scratch array of one 16-bit count per bucket. Use one per thread.
 */
public final class FeatureHasher {
    /**
     * How Chinese is cut into features. A {@link TopicModel} learns one linear classifier per view and averages
     * their probabilities: the two views make partly different errors (docs/classification.md, session 5).
     */
    public enum View {
        /**
         * Character 1-, 2- and 3-grams of each CJK run, over the first {@value #MAX_CHARS} characters, and those
         * crossing into digits, punctuation and Latin letters over the first {@value #LEAD_CHARS}.
         */
        CHARACTERS(MAX_CHARS),
        /**
         * Words and word bigrams of each CJK run, by HanLP's dictionary segmentation (longest match), over the
         * first {@value #WORD_VIEW_CHARS} characters.
         */
        WORDS(WORD_VIEW_CHARS);

        private final int readChars;

        View(int readChars) {
            this.readChars = readChars;
        }

        /** How many characters of a text this view reads. */
        public int readChars() {
            return readChars;
        }
    }

    private static final int CJK_SEED = 0x2f1b3c5d;
    private static final int SHAPE_SEED = 0x243f6a88;
    /** Full-width ASCII forms (！ to ～) and how far they sit above their ASCII twins. */
    private static final char FULL_WIDTH_FIRST = 0xFF01;
    private static final char FULL_WIDTH_LAST = 0xFF5E;
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = 0x3000;
    private static final int CJK_WORD_SEED = 0x1f83d9ab;
    private static final int CJK_WORD_BIGRAM_SEED = 0x5be0cd19;
    private static final int WORD_SEED = 0x6a09e667;
    private static final int BIGRAM_SEED = 0x3c6ef372;

    /** Where reading stops: reading 30,000 instead moved fudan_zh_20 dev accuracy by 0.001 and costs time. */
    public static final int MAX_CHARS = 6000;

    /**
     * Where the word view stops reading. Segmenting and scoring a word costs more than a character n-gram (each
     * feature is a weight lookup far apart in memory), and on hold-outs of fudan_zh_20's train split, whose
     * papers name their journal, title and keywords first, the word view alone was 1.8 points better reading 500
     * characters than 6,000 (docs/classification.md, session 5); bbc_en_5 lost from 250 on; headlines are
     * shorter than either.
     */
    public static final int WORD_VIEW_CHARS = 500;

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

    private final View view;
    private final int bits;
    private final int mask;
    private final float[] idf;
    /** Counts per bucket (16 bits, saturating): half the memory of floats, and scoring is bound by memory. */
    private final char[] counts;
    private int position;
    private int[] touched = new int[1024];
    private int touchedCount;
    /** Only for {@link View#WORDS}: dictionary segmentation needs no model and keeps no state between calls. */
    private final Segment segment;

    /** A character-view hasher without idf. */
    public FeatureHasher(int bits) {
        this(View.CHARACTERS, bits, null);
    }

    /** @param idf one weight per bucket, or null for none */
    public FeatureHasher(View view, int bits, float[] idf) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("hash bits must be 10..24, got " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.counts = new char[1 << bits];
        if (idf != null && idf.length != counts.length) {
            throw new IllegalArgumentException("idf has " + idf.length + " buckets, expected " + counts.length);
        }
        this.idf = idf;
        this.view = view;
        this.segment = view == View.WORDS ? new DoubleArrayTrieSegment() : null;
    }

    public View view() {
        return view;
    }

    public int bits() {
        return bits;
    }

    public SparseVector features(String text) {
        touchedCount = 0;
        int length = Math.min(text.length(), view.readChars());
        boolean chinese = false;
        int cjkRun = 0;
        int previousWord = 0;
        boolean hasPreviousWord = false;
        int i = 0;
        while (i < length) {
            position = i;
            char c = text.charAt(i);
            if (isCjk(c) && view == View.WORDS) {
                chinese = true;
                i = addWords(text, i, length);
                hasPreviousWord = false;
            } else if (isCjk(c)) {
                chinese = true;
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
        if (chinese && view == View.CHARACTERS) {
            addShapeGrams(text, Math.min(length, LEAD_CHARS));
        }
        return collect();
    }

    /**
     * Adds the character 1-, 2- and 3-grams that cross out of CJK runs, over the first {@code length} characters
     * of a Chinese text read as a sequence of shapes: CJK characters as they are, Latin letters lower-cased, every
     * digit as 0, full-width forms as their ASCII twins, other symbols as they are, a run of white space as one
     * space. So a headline's 《 (a title of a work), ： (a speaker or source), "0%" or "e发" (iPhone发布) count too,
     * which the n-grams inside CJK runs and the Latin words miss: on hold-outs of thucnews_titles_zh_10's train
     * split they took the character view alone from 0.857 to 0.867 and the model from 0.867 to 0.876
     * (docs/classification.md, session 6). They are read in the title and lead only ({@link #LEAD_CHARS}), where
     * they tell the topic best: over a whole 3,000-character article they would add half again as many features to
     * score (punctuation between every clause), and reading 500 characters cost about a sixth of the throughput.
     */
    private void addShapeGrams(String text, int length) {
        int previous = 0;
        int beforePrevious = 0;
        int symbols = 0;
        boolean space = true;
        for (int i = 0; i < length; i++) {
            int shape = shape(text.charAt(i));
            if (shape == ' ') {
                if (space) {
                    continue;
                }
                space = true;
            } else {
                space = false;
            }
            position = i;
            symbols++;
            boolean cjk = isCjk((char) shape);
            if (!cjk && shape != ' ') {
                add(mix(SHAPE_SEED + 1, shape));
            }
            if (symbols >= 2 && !(cjk && isCjk((char) previous))) {
                add(mix(mix(SHAPE_SEED + 2, previous), shape));
            }
            if (symbols >= 3 && !(cjk && isCjk((char) previous) && isCjk((char) beforePrevious))) {
                add(mix(mix(mix(SHAPE_SEED + 3, beforePrevious), previous), shape));
            }
            beforePrevious = previous;
            previous = shape;
        }
    }

    /** A character's shape for {@link #addShapeGrams}: white space is {@code ' '}. */
    private static int shape(char character) {
        char c = character >= FULL_WIDTH_FIRST && character <= FULL_WIDTH_LAST
                ? (char) (character - FULL_WIDTH_OFFSET) : character;
        if (Character.isWhitespace(c) || c == IDEOGRAPHIC_SPACE) {
            return ' ';
        }
        if (isCjk(c)) {
            return c;
        }
        if (Character.isDigit(c)) {
            return '0';
        }
        return Character.isLetter(c) ? Character.toLowerCase(c) : c;
    }

    /** Adds the words and word bigrams of the CJK run starting at {@code start}; returns where the run ends. */
    private int addWords(String text, int start, int length) {
        int end = start;
        while (end < length && isCjk(text.charAt(end))) {
            end++;
        }
        int previous = 0;
        boolean hasPrevious = false;
        position = start;
        for (Term term : segment.seg(text.substring(start, end))) {
            int word = CJK_WORD_SEED;
            for (int k = 0; k < term.word.length(); k++) {
                word = mix(word, term.word.charAt(k));
            }
            add(word);
            if (hasPrevious) {
                add(mix(mix(CJK_WORD_BIGRAM_SEED, previous), word));
            }
            previous = word;
            hasPrevious = true;
            position += term.word.length();
        }
        return end;
    }

    private void add(int hash) {
        put(hash);
        if (position < LEAD_CHARS) {
            put(hash ^ LEAD_SEED);
        }
    }

    private void put(int hash) {
        int bucket = finish(hash) & mask;
        if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        // Noted always, kept only when the bucket is new: whether it is new cannot be predicted (about half the
        // n-grams of an article are), and a mispredicted branch per n-gram cost more than the store.
        int count = counts[bucket];
        touched[touchedCount] = bucket;
        touchedCount += count == 0 ? 1 : 0;
        if (count < Character.MAX_VALUE) {
            counts[bucket] = (char) (count + 1);
        }
    }

    private SparseVector collect() {
        int[] indices = Arrays.copyOf(touched, touchedCount);
        float[] values = new float[touchedCount];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            int count = counts[indices[k]];
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
