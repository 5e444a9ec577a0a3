package huixun.classify.topic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A nearest-neighbour vote for short texts (headlines): the training texts of at most {@link #MAX_CHARS} characters
 * are kept, per view, as their feature vectors in an inverted index; a short text's {@link #NEIGHBOURS} most similar
 * of them in each view (cosine of the unit-length tf-idf vectors) vote for their labels, each with its similarity
 * squared, and {@link TopicModel} blends the vote into the views' mean probability with weight {@link #WEIGHT}.
 *
 * <p>Why: a kNN vote is a different model family from the linear views, so its errors are less correlated with
 * theirs. On hold-outs of thucnews_titles_zh_10's train split it gained half a point over the session-7 model, on
 * every fold, and on ordinary headlines (the near-duplicates of a training headline the linear views already got
 * right), while on fudan_zh_20's papers it lost in every setting tried (0.1-1 point); so it is kept only for
 * short texts, and only when the training data has at least {@link #MIN_TEXTS} of them to vote (neither limit was
 * tuned; docs/classification.md, session 8). An article with a body never consults it.
 *
 * <p>In memory per view: a start offset per bucket, then per posting the text's index (16 bits) and its value as a
 * 16-bit fraction of 1 (values of a unit vector lie in [0, 1]); thucnews_titles_zh_10's 15,956 headlines (2.3
 * million postings over both views) take 10.9 MiB, 2 MiB of it the start offsets. The index is read-only; a
 * {@link Vote} keeps scratch arrays, so each {@link TopicModel.Scorer} (one per thread) has its own.
 */
final class ShortTextNeighbours {
    /** Texts of at most this many characters are kept and consulted: headlines and captions, not articles. */
    static final int MAX_CHARS = 100;
    /** Below this many short training texts there is no vote: too few to find neighbours about the text. */
    static final int MIN_TEXTS = 1000;
    /** At most this many are kept (the first in training order): a text's index is then a 16-bit char. */
    static final int MAX_TEXTS = Character.MAX_VALUE + 1;
    /** Neighbours per view; chosen on the hold-outs with {@link #SIMILARITY_POWER} and {@link #WEIGHT}. */
    static final int NEIGHBOURS = 20;
    /** A neighbour's vote is its cosine similarity to this power, so near-duplicates count most. */
    static final int SIMILARITY_POWER = 2;
    /** The vote's share of a short text's probabilities: p = (1 - WEIGHT) × mean of the views + WEIGHT × vote. */
    static final double WEIGHT = 0.4;
    private static final float VALUE_UNITS = Short.MAX_VALUE;

    private final int[] labels;
    private final int labelCount;
    /** Per view: {@code starts[v][bucket]} to {@code starts[v][bucket + 1]} index the bucket's postings. */
    private final int[][] starts;
    private final char[][] texts;
    private final short[][] values;

    private ShortTextNeighbours(int[] labels, int labelCount, int[][] starts, char[][] texts, short[][] values) {
        this.labels = labels;
        this.labelCount = labelCount;
        this.starts = starts;
        this.texts = texts;
        this.values = values;
    }

    /**
     * The index of {@code vectors} (per view, one vector per text, as the model's scorer computes them) of texts
     * labelled {@code labels} among {@code labelCount} labels; at most {@link #MAX_TEXTS} texts.
     */
    static ShortTextNeighbours of(int[] labels, int labelCount, int bits, List<List<SparseVector>> vectors) {
        if (labels.length > MAX_TEXTS) {
            throw new IllegalArgumentException("at most " + MAX_TEXTS + " texts, got " + labels.length);
        }
        int buckets = 1 << bits;
        int viewCount = vectors.size();
        int[][] starts = new int[viewCount][];
        char[][] texts = new char[viewCount][];
        short[][] values = new short[viewCount][];
        for (int v = 0; v < viewCount; v++) {
            int[] start = new int[buckets + 1];
            for (SparseVector x : vectors.get(v)) {
                for (int bucket : x.indices()) {
                    start[bucket + 1]++;
                }
            }
            for (int b = 0; b < buckets; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = Arrays.copyOf(start, buckets);
            texts[v] = new char[start[buckets]];
            values[v] = new short[start[buckets]];
            for (int t = 0; t < labels.length; t++) {
                SparseVector x = vectors.get(v).get(t);
                for (int f = 0; f < x.indices().length; f++) {
                    int at = fill[x.indices()[f]]++;
                    texts[v][at] = (char) t;
                    values[v][at] = (short) Math.round(x.values()[f] * VALUE_UNITS);
                }
            }
            starts[v] = start;
        }
        return new ShortTextNeighbours(labels.clone(), labelCount, starts, texts, values);
    }

    /** Whether a text this long is voted on. */
    static boolean isShort(String text) {
        return text.length() <= MAX_CHARS;
    }

    int size() {
        return labels.length;
    }

    Vote newVote() {
        return new Vote();
    }

    /** Scratch space for one thread's votes. */
    final class Vote {
        private final float[] similarities = new float[labels.length];
        private final int[] top = new int[NEIGHBOURS];
        private final float[] topSimilarities = new float[NEIGHBOURS];

        /**
         * Each label's share of the neighbours' votes over the views ({@code features} in the model's view order),
         * or null when no stored text shares a feature with it.
         */
        double[] shares(SparseVector[] features) {
            double[] votes = new double[labelCount];
            double total = 0;
            for (int v = 0; v < features.length; v++) {
                nearest(v, features[v]);
                for (int j = 0; j < NEIGHBOURS && topSimilarities[j] > 0; j++) {
                    double vote = Math.pow(topSimilarities[j], SIMILARITY_POWER);
                    votes[labels[top[j]]] += vote;
                    total += vote;
                }
            }
            if (total == 0) {
                return null;
            }
            for (int c = 0; c < labelCount; c++) {
                votes[c] /= total;
            }
            return votes;
        }

        /** Fills {@code top} with view v's most similar texts, best first (ties: the earlier text first). */
        private void nearest(int v, SparseVector x) {
            Arrays.fill(similarities, 0);
            int[] start = starts[v];
            char[] postings = texts[v];
            short[] postingValues = values[v];
            for (int f = 0; f < x.indices().length; f++) {
                int bucket = x.indices()[f];
                float value = x.values()[f] / VALUE_UNITS;
                for (int p = start[bucket]; p < start[bucket + 1]; p++) {
                    similarities[postings[p]] += value * postingValues[p];
                }
            }
            Arrays.fill(topSimilarities, 0);
            for (int t = 0; t < similarities.length; t++) {
                float similarity = similarities[t];
                if (similarity > topSimilarities[NEIGHBOURS - 1]) {
                    int j = NEIGHBOURS - 1;
                    while (j > 0 && topSimilarities[j - 1] < similarity) {
                        topSimilarities[j] = topSimilarities[j - 1];
                        top[j] = top[j - 1];
                        j--;
                    }
                    topSimilarities[j] = similarity;
                    top[j] = t;
                }
            }
        }
    }

    /**
     * Text count, each text's label, then per view every bucket's posting count, the postings' text indices as
     * gaps from the previous one in the bucket, both as variable-length integers (most are small), and their
     * 16-bit values.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeShort(label);
        }
        for (int v = 0; v < starts.length; v++) {
            int[] start = starts[v];
            for (int b = 0; b + 1 < start.length; b++) {
                writeVarInt(out, start[b + 1] - start[b]);
            }
            for (int b = 0; b + 1 < start.length; b++) {
                int previous = 0;
                for (int p = start[b]; p < start[b + 1]; p++) {
                    writeVarInt(out, texts[v][p] - previous);
                    previous = texts[v][p];
                }
            }
            ByteBuffer buffer = ByteBuffer.allocate(values[v].length * 2);
            buffer.asShortBuffer().put(values[v]);
            out.write(buffer.array());
        }
    }

    /** Reads what {@link #write} wrote, or returns null when the file holds no texts. */
    static ShortTextNeighbours read(DataInputStream in, int labelCount, int bits, int viewCount) throws IOException {
        int count = in.readInt();
        if (count == 0) {
            return null;
        }
        if (count < 0 || count > MAX_TEXTS) {
            throw new IOException("corrupt topic model: neighbours=" + count);
        }
        int[] labels = new int[count];
        for (int t = 0; t < count; t++) {
            labels[t] = in.readShort();
            if (labels[t] < 0 || labels[t] >= labelCount) {
                throw new IOException("corrupt topic model: neighbour label " + labels[t]);
            }
        }
        int buckets = 1 << bits;
        int[][] starts = new int[viewCount][buckets + 1];
        char[][] texts = new char[viewCount][];
        short[][] values = new short[viewCount][];
        for (int v = 0; v < viewCount; v++) {
            int[] start = starts[v];
            for (int b = 0; b < buckets; b++) {
                start[b + 1] = start[b] + readVarInt(in);
            }
            texts[v] = new char[start[buckets]];
            for (int b = 0; b < buckets; b++) {
                int previous = 0;
                for (int p = start[b]; p < start[b + 1]; p++) {
                    previous += readVarInt(in);
                    if (previous >= count) {
                        throw new IOException("corrupt topic model: neighbour text " + previous);
                    }
                    texts[v][p] = (char) previous;
                }
            }
            byte[] raw = new byte[start[buckets] * 2];
            in.readFully(raw);
            values[v] = new short[start[buckets]];
            ByteBuffer.wrap(raw).asShortBuffer().get(values[v]);
        }
        return new ShortTextNeighbours(labels, labelCount, starts, texts, values);
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            out.writeByte((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("corrupt topic model: variable-length integer too long");
    }
}
