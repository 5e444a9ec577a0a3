package huixun.classify.topic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Linear classifiers over hashed features ({@link FeatureHasher}), one per {@link FeatureHasher.View} of the text
 * (character n-grams, segmented words): each has one weight per bucket and label plus a bias per label, and turns
 * its scores into probabilities by a softmax of the scores divided by its temperature (fitted by
 * {@link TopicTrainer}); the model's probability of a label is the mean of the views' probabilities. Two views
 * that make partly different errors, each calibrated, averaged: 1 point of hold-out accuracy on
 * thucnews_titles_zh_10 and 1.3 on fudan_zh_20 over the character view alone (docs/classification.md, session 5),
 * where one linear model over both views' features together had gained nothing (session 4). Weights are laid out bucket-major so scoring
 * one feature reads adjacent memory. In memory: per view a 16-bit weight per bucket and label plus a float per
 * bucket for the idf (2^18 buckets and 12 labels: 7 MiB a view).
 *
 * <p>Since session 7 the model also holds up to 16 {@link PairClassifier}s, one-versus-one classifiers for the
 * label pairs its one-versus-rest classifiers confuse most, which decide between the top two labels when they
 * are such a pair (thucnews_titles_zh_10: +0.4 points on the hold-outs and on dev). They cost memory (a 16-bit
 * weight per bucket and view: 1 MiB a pair) but little scoring time: one more weight read per feature, and only
 * for articles whose top two labels are such a pair and close.
 *
 * <p>Since session 8 a model trained on enough short texts (headlines) also keeps them for a nearest-neighbour vote
 * on short texts ({@link ShortTextNeighbours}), blended into the views' mean before the pair classifiers decide
 * (thucnews_titles_zh_10: +0.5 points on the hold-outs). Articles longer than a headline never consult it.
 *
 * <p>Since session 10 such a model may also hold a {@link SentenceClassifier} over a pretrained
 * {@link SentenceEncoder}'s vectors of short texts, blended into a short text's final probabilities
 * (thucnews_titles_zh_10: +0.9 points on the hold-outs). Scoring it needs that encoder, passed to
 * {@link #newScorer(SentenceEncoder)}; the shipped model has none, so the service never loads an encoder.
 *
 * <p>File format (gzip'd {@link DataOutputStream}): magic {@code HXTM}, version, hash bits, label count, the
 * labels (UTF), the view count, then per view: its name (UTF), the biases (float), the temperature (float), every
 * bucket's idf as a 16-bit integer in thousandths, one scale per label (float), then every bucket's weights as
 * 16-bit integers ({@code weight = value * scale}); then the pair count and per pair its two label indices and,
 * per view, the bias (float), the scale (float) and every bucket's weight as a 16-bit integer; then the short
 * texts for the neighbour vote ({@link ShortTextNeighbours#write}; a count of 0 when there are none); in version 7
 * only, then the {@link SentenceClassifier} ({@link SentenceClassifier#write}). 16 bits keep
 * the accuracy of the float model (the gate test evaluates the model as read back) at half the size.
 */
public final class TopicModel {
    private static final int MAGIC = 0x4858544d;
    /**
     * 7 for a model with a {@link SentenceClassifier} (session 10); a model without one is still written as version
     * 6, which it is, so that the shipped model's file did not change.
     */
    private static final int VERSION_WITH_SENTENCES = 7;
    /**
     * 6 since the model carries short training texts for a nearest-neighbour vote (session 8); 5 since the model
     * carries pairwise classifiers for its most confused label pairs (session 7); 4 since the
     * character view reads character shapes across scripts and punctuation (session 6). An older file is refused
     * rather than scored wrongly.
     */
    private static final int VERSION = 6;
    /**
     * How much one unit of the views' summed pairwise margin counts against the log ratio of the two labels'
     * probabilities when a {@link PairClassifier} decides between them; chosen on hold-outs of the train splits
     * (docs/classification.md, session 7).
     */
    static final double PAIR_MARGIN_WEIGHT = 2;
    /**
     * A pair classifier is consulted only when ln(p_top / p_second) is below this: reading its weights costs about
     * as much memory traffic as the views' own scoring, and on the hold-outs a wider lead gained nothing from it
     * (the same accuracy on every fold as consulting it always, for a third of the consultations;
     * docs/classification.md, session 7).
     */
    static final double PAIR_CONSULT_LOG_RATIO = 2;
    /** idf is stored in thousandths: the largest idf, ln(N) + 1 for a few hundred thousand texts, fits a short. */
    private static final float IDF_UNITS = 1000;

    private final List<String> labels;
    private final int bits;
    private final List<ViewClassifier> views;
    private final List<PairClassifier> pairs;
    /** {@code pairIndex[a * k + b]}: the pair classifier for labels a and b (either order), or -1. */
    private final int[] pairIndex;
    /** The short training texts for the neighbour vote, or null when the model has none. */
    private final ShortTextNeighbours neighbours;
    /** The classifier over a sentence encoder's vectors of short texts, or null when the model has none. */
    private final SentenceClassifier sentences;

    /**
     * One view's linear classifier. Weights stay 16-bit integers in memory too ({@code weight = value *
     * scales[label]}): a bucket's weights for 12 labels then fit one cache line, and scoring, which reads a
     * bucket far from the last for every feature, waits on memory about half as often as with floats.
     *
     * @param temperature the softmax temperature: scores are margins, and this turns them into calibrated
     *                    probabilities
     */
    record ViewClassifier(FeatureHasher.View view, float[] idf, short[] weights, float[] scales, float[] bias,
            float temperature) {
        /** Quantises {@code weights} (bucket-major, one per bucket and label) to 16 bits with one scale per label. */
        static ViewClassifier of(FeatureHasher.View view, float[] idf, float[] weights, float[] bias,
                float temperature) {
            int k = bias.length;
            float[] scales = new float[k];
            for (int i = 0; i < weights.length; i++) {
                scales[i % k] = Math.max(scales[i % k], Math.abs(weights[i]));
            }
            for (int c = 0; c < k; c++) {
                scales[c] = scales[c] == 0 ? 1 : scales[c] / Short.MAX_VALUE;
            }
            short[] quantised = new short[weights.length];
            for (int i = 0; i < weights.length; i++) {
                quantised[i] = (short) Math.round(weights[i] / scales[i % k]);
            }
            return new ViewClassifier(view, idf, quantised, scales, bias, temperature);
        }

        /**
         * Each label's linear score. The features are summed four labels at a time, in local variables: a sum per
         * label kept in an array is stored and loaded again for every feature, and that was a quarter of the
         * scoring time (benchmarks.md, session 8). Each label's sum still adds the features in their order, so the
         * scores are the same to the last bit.
         */
        double[] scores(SparseVector features) {
            int k = bias.length;
            double[] sums = new double[k];
            int[] indices = features.indices();
            float[] values = features.values();
            int c = 0;
            for (; c + 4 <= k; c += 4) {
                double sum0 = 0;
                double sum1 = 0;
                double sum2 = 0;
                double sum3 = 0;
                for (int f = 0; f < indices.length; f++) {
                    int at = indices[f] * k + c;
                    float value = values[f];
                    sum0 += weights[at] * value;
                    sum1 += weights[at + 1] * value;
                    sum2 += weights[at + 2] * value;
                    sum3 += weights[at + 3] * value;
                }
                sums[c] = sum0;
                sums[c + 1] = sum1;
                sums[c + 2] = sum2;
                sums[c + 3] = sum3;
            }
            for (; c < k; c++) {
                double sum = 0;
                for (int f = 0; f < indices.length; f++) {
                    sum += weights[indices[f] * k + c] * values[f];
                }
                sums[c] = sum;
            }
            for (c = 0; c < k; c++) {
                sums[c] = bias[c] + sums[c] * scales[c];
            }
            return sums;
        }

        ViewClassifier withTemperature(double fitted) {
            return new ViewClassifier(view, idf, weights, scales, bias, (float) fitted);
        }
    }

    /**
     * A one-versus-one classifier for two labels the one-versus-rest classifiers often confuse, trained on those
     * two labels' examples only: per view a 16-bit weight per bucket ({@code weight = value * scales[view]}) and
     * a bias; a positive margin speaks for {@code first}. It decides between its two labels when they are the
     * model's top two.
     */
    record PairClassifier(int first, int second, short[][] weights, float[] scales, float[] bias) {
        /** Quantises each view's {@code weights} (one per bucket) to 16 bits with one scale per view. */
        static PairClassifier of(int first, int second, float[][] weights, float[] bias) {
            short[][] quantised = new short[weights.length][];
            float[] scales = new float[weights.length];
            for (int v = 0; v < weights.length; v++) {
                float largest = 0;
                for (float w : weights[v]) {
                    largest = Math.max(largest, Math.abs(w));
                }
                scales[v] = largest == 0 ? 1 : largest / Short.MAX_VALUE;
                quantised[v] = new short[weights[v].length];
                for (int b = 0; b < weights[v].length; b++) {
                    quantised[v][b] = (short) Math.round(weights[v][b] / scales[v]);
                }
            }
            return new PairClassifier(first, second, quantised, scales, bias);
        }

        /** The margin of view {@code v} for {@code first} over {@code second}. */
        double margin(int v, SparseVector features) {
            short[] w = weights[v];
            int[] indices = features.indices();
            float[] values = features.values();
            double sum = 0;
            for (int f = 0; f < indices.length; f++) {
                sum += w[indices[f]] * values[f];
            }
            return bias[v] + sum * scales[v];
        }
    }

    TopicModel(List<String> labels, int bits, List<ViewClassifier> views, List<PairClassifier> pairs) {
        this(labels, bits, views, pairs, null, null);
    }

    /**
     * @param neighbours the short training texts for the neighbour vote, or null for none
     * @param sentences  the classifier over a sentence encoder's vectors of short texts, or null for none
     */
    TopicModel(List<String> labels, int bits, List<ViewClassifier> views, List<PairClassifier> pairs,
            ShortTextNeighbours neighbours, SentenceClassifier sentences) {
        this.neighbours = neighbours;
        this.sentences = sentences;
        this.labels = List.copyOf(labels);
        this.bits = bits;
        this.views = List.copyOf(views);
        this.pairs = List.copyOf(pairs);
        int k = labels.size();
        this.pairIndex = new int[k * k];
        Arrays.fill(pairIndex, -1);
        for (int q = 0; q < pairs.size(); q++) {
            PairClassifier pair = pairs.get(q);
            pairIndex[pair.first() * k + pair.second()] = q;
            pairIndex[pair.second() * k + pair.first()] = q;
        }
    }

    public List<String> labels() {
        return labels;
    }

    public int bits() {
        return bits;
    }

    /** Each view's softmax temperature, in the model's view order. */
    public Map<FeatureHasher.View, Float> temperatures() {
        Map<FeatureHasher.View, Float> temperatures = new LinkedHashMap<>();
        views.forEach(v -> temperatures.put(v.view(), v.temperature()));
        return temperatures;
    }

    /** The label pairs that have a pairwise classifier, as label indices. */
    public List<int[]> pairs() {
        return pairs.stream().map(p -> new int[] {p.first(), p.second()}).toList();
    }

    /** How many short training texts the neighbour vote holds (0: the model has no vote). */
    public int neighbourTexts() {
        return neighbours == null ? 0 : neighbours.size();
    }

    /** The name of the sentence encoder the model needs for short texts, or null when it needs none. */
    public String encoder() {
        return sentences == null ? null : sentences.encoder();
    }

    /**
     * A scorer with this model's hashers; it keeps scratch arrays, so one per thread.
     *
     * @throws IllegalStateException when the model needs a sentence encoder ({@link #encoder()})
     */
    public Scorer newScorer() {
        return newScorer(null);
    }

    /**
     * A scorer that embeds short texts with {@code encoder} for the model's {@link SentenceClassifier}.
     *
     * @param encoder the encoder named by {@link #encoder()}; may be null when that is null
     * @throws IllegalStateException when the model needs an encoder and {@code encoder} is null or another one
     */
    public Scorer newScorer(SentenceEncoder encoder) {
        if (sentences != null && (encoder == null || !encoder.name().equals(sentences.encoder()))) {
            throw new IllegalStateException("this topic model scores short texts with the sentence encoder "
                    + sentences.encoder() + ", got " + (encoder == null ? "none" : encoder.name()));
        }
        return new Scorer(sentences == null ? null : encoder);
    }

    /** Scores texts with the model; not thread-safe (its hashers keep scratch arrays). */
    public final class Scorer {
        private final List<FeatureHasher> hashers = new ArrayList<>();
        private final ShortTextNeighbours.Vote vote;
        private final SentenceEncoder encoder;

        private Scorer(SentenceEncoder encoder) {
            this.encoder = encoder;
            for (ViewClassifier v : views) {
                hashers.add(new FeatureHasher(v.view(), bits, v.idf()));
            }
            vote = neighbours == null ? null : neighbours.newVote();
        }

        /**
         * The probability of each label (in {@link #labels()} order): the mean over the views (for a short text
         * blended with the {@link ShortTextNeighbours} vote, when the model has one), except that when the top two
         * labels have a {@link PairClassifier} and are close ({@code PAIR_CONSULT_LOG_RATIO}), it may swap their
         * probabilities: it orders them by
         * {@code ln(p_first / p_second) + PAIR_MARGIN_WEIGHT * (sum of the views' pairwise margins)}. Last, a short
         * text's probabilities are blended with the {@link SentenceClassifier}'s, when the model has one.
         */
        public double[] probabilities(String text) {
            int k = labels.size();
            double[] mean = new double[k];
            SparseVector[] features = new SparseVector[views.size()];
            for (int v = 0; v < views.size(); v++) {
                ViewClassifier view = views.get(v);
                features[v] = hashers.get(v).features(text);
                double[] p = softmax(view.scores(features[v]), view.temperature());
                for (int c = 0; c < k; c++) {
                    mean[c] += p[c] / views.size();
                }
            }
            if (vote != null && ShortTextNeighbours.isShort(text)) {
                blendVote(features, mean);
            }
            int best = 0;
            int second = -1;
            for (int c = 1; c < k; c++) {
                if (mean[c] > mean[best]) {
                    second = best;
                    best = c;
                } else if (second < 0 || mean[c] > mean[second]) {
                    second = c;
                }
            }
            int q = pairIndex[best * k + second];
            if (q >= 0 && Math.log(mean[best] / mean[second]) < PAIR_CONSULT_LOG_RATIO) {
                PairClassifier pair = pairs.get(q);
                double evidence = Math.log(mean[pair.first()]) - Math.log(mean[pair.second()]);
                for (int v = 0; v < views.size(); v++) {
                    evidence += PAIR_MARGIN_WEIGHT * pair.margin(v, features[v]);
                }
                if ((evidence > 0) != (best == pair.first())) {
                    double swap = mean[best];
                    mean[best] = mean[second];
                    mean[second] = swap;
                }
            }
            if (encoder != null && ShortTextNeighbours.isShort(text)) {
                double[] encoded = sentences.probabilities(encoder.embed(text));
                for (int c = 0; c < k; c++) {
                    mean[c] = (1 - SentenceClassifier.WEIGHT) * mean[c] + SentenceClassifier.WEIGHT * encoded[c];
                }
            }
            return mean;
        }

        /** Blends the neighbours' vote into {@code mean} (in place), when any stored text shares a feature. */
        private void blendVote(SparseVector[] features, double[] mean) {
            double[] shares = vote.shares(features);
            if (shares != null) {
                for (int c = 0; c < mean.length; c++) {
                    mean[c] = (1 - ShortTextNeighbours.WEIGHT) * mean[c] + ShortTextNeighbours.WEIGHT * shares[c];
                }
            }
        }

        /** The index of the most probable label. */
        public int predict(String text) {
            double[] p = probabilities(text);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /** Turns {@code scores} (in place) into probabilities, {@code exp(score / temperature)} normalised. */
    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp((scores[c] - max) / temperature);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
        return scores;
    }

    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(sentences == null ? VERSION : VERSION_WITH_SENTENCES);
        out.writeInt(bits);
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(views.size());
        for (ViewClassifier view : views) {
            writeView(view, out);
        }
        out.writeInt(pairs.size());
        for (PairClassifier pair : pairs) {
            out.writeInt(pair.first());
            out.writeInt(pair.second());
            for (int v = 0; v < views.size(); v++) {
                out.writeFloat(pair.bias()[v]);
                out.writeFloat(pair.scales()[v]);
                ByteBuffer buffer = ByteBuffer.allocate(pair.weights()[v].length * 2);
                buffer.asShortBuffer().put(pair.weights()[v]);
                out.write(buffer.array());
            }
        }
        if (neighbours == null) {
            out.writeInt(0);
        } else {
            neighbours.write(out);
        }
        if (sentences != null) {
            sentences.write(out);
        }
        out.flush();
        gzip.finish();
    }

    /** {@code idf} as the file stores it (thousandths), so a trainer can compute features as a read model will. */
    static float[] storedIdf(float[] idf) {
        float[] stored = new float[idf.length];
        for (int b = 0; b < idf.length; b++) {
            stored[b] = (short) Math.round(idf[b] * IDF_UNITS) / IDF_UNITS;
        }
        return stored;
    }

    private void writeView(ViewClassifier view, DataOutputStream out) throws IOException {
        int k = labels.size();
        out.writeUTF(view.view().name());
        for (float b : view.bias()) {
            out.writeFloat(b);
        }
        out.writeFloat(view.temperature());
        ByteBuffer idfBuffer = ByteBuffer.allocate(view.idf().length * 2);
        for (float weight : view.idf()) {
            idfBuffer.putShort((short) Math.round(weight * IDF_UNITS));
        }
        out.write(idfBuffer.array());
        for (int c = 0; c < k; c++) {
            out.writeFloat(view.scales()[c]);
        }
        ByteBuffer buffer = ByteBuffer.allocate(view.weights().length * 2);
        buffer.asShortBuffer().put(view.weights());
        out.write(buffer.array());
    }

    public static TopicModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Huixun topic model (bad magic)");
        }
        int version = in.readInt();
        if (version != VERSION && version != VERSION_WITH_SENTENCES) {
            throw new IOException("unsupported topic model version " + version);
        }
        int bits = in.readInt();
        int k = in.readInt();
        if (bits < 10 || bits > 24 || k < 2 || k > 1000) {
            throw new IOException("corrupt topic model header: bits=" + bits + " labels=" + k);
        }
        String[] labels = new String[k];
        for (int c = 0; c < k; c++) {
            labels[c] = in.readUTF();
        }
        int viewCount = in.readInt();
        if (viewCount < 1 || viewCount > FeatureHasher.View.values().length) {
            throw new IOException("corrupt topic model header: views=" + viewCount);
        }
        List<ViewClassifier> views = new ArrayList<>();
        for (int v = 0; v < viewCount; v++) {
            views.add(readView(in, bits, k));
        }
        int pairCount = in.readInt();
        if (pairCount < 0 || pairCount > k * (k - 1) / 2) {
            throw new IOException("corrupt topic model: pairs=" + pairCount);
        }
        List<PairClassifier> pairs = new ArrayList<>();
        for (int q = 0; q < pairCount; q++) {
            pairs.add(readPair(in, bits, k, viewCount));
        }
        ShortTextNeighbours neighbours = ShortTextNeighbours.read(in, k, bits, viewCount);
        SentenceClassifier sentences = version == VERSION_WITH_SENTENCES ? SentenceClassifier.read(in, k) : null;
        return new TopicModel(List.of(labels), bits, views, pairs, neighbours, sentences);
    }

    private static PairClassifier readPair(DataInputStream in, int bits, int k, int viewCount) throws IOException {
        int first = in.readInt();
        int second = in.readInt();
        if (first < 0 || second < 0 || first >= k || second >= k || first == second) {
            throw new IOException("corrupt topic model: pair " + first + "-" + second);
        }
        float[] bias = new float[viewCount];
        float[] scales = new float[viewCount];
        short[][] weights = new short[viewCount][1 << bits];
        byte[] raw = new byte[(1 << bits) * 2];
        for (int v = 0; v < viewCount; v++) {
            bias[v] = in.readFloat();
            scales[v] = in.readFloat();
            in.readFully(raw);
            ByteBuffer.wrap(raw).asShortBuffer().get(weights[v]);
        }
        return new PairClassifier(first, second, weights, scales, bias);
    }

    private static ViewClassifier readView(DataInputStream in, int bits, int k) throws IOException {
        FeatureHasher.View view;
        try {
            view = FeatureHasher.View.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt topic model: unknown view", e);
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        float temperature = in.readFloat();
        if (!(temperature > 0)) {
            throw new IOException("corrupt topic model: temperature " + temperature);
        }
        byte[] rawIdf = new byte[(1 << bits) * 2];
        in.readFully(rawIdf);
        ShortBuffer idfShorts = ByteBuffer.wrap(rawIdf).asShortBuffer();
        float[] idf = new float[1 << bits];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfShorts.get(i) / IDF_UNITS;
        }
        float[] scales = new float[k];
        for (int c = 0; c < k; c++) {
            scales[c] = in.readFloat();
        }
        byte[] raw = new byte[(1 << bits) * k * 2];
        in.readFully(raw);
        short[] weights = new short[raw.length / 2];
        ByteBuffer.wrap(raw).asShortBuffer().get(weights);
        return new ViewClassifier(view, idf, weights, scales, bias, temperature);
    }

    /** The model as it reads back from its file, so evaluation measures what ships. */
    public TopicModel quantised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes);
        return read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
