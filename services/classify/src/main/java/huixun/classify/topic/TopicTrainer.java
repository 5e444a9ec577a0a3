package huixun.classify.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains a {@link TopicModel}: one-vs-rest linear classifiers over naive-Bayes-weighted features (NBSVM, Wang and
 * Manning 2012), each learnt by the averaged passive-aggressive algorithm (PA-I, hinge loss; Crammer et al. 2006).
 *
 * <p>For each label c, every bucket gets its naive Bayes log-count ratio {@code r_c = log((a + docs of c with the
 * bucket) / |…|) - log((a + other docs with it) / |…|)} (a = {@link Settings#smoothing()}); label c's classifier
 * sees the features multiplied by {@code r_c}, which tells it up front which n-grams are evidence for c and lets the
 * discriminative learner correct what naive Bayes gets wrong. Because the model is linear, {@code r_c} folds into
 * the weights after training: the file and the scoring stay those of a plain linear model, at no cost per article.
 * Averaging the passive-aggressive weights over all steps gives a max-margin-like model without a learning rate
 * to tune.
 *
 * <p>Hinge-loss scores are margins, not probabilities, while the service thresholds probabilities to attach a
 * second topic: so a softmax temperature is fitted (least log loss) on every tenth training example, held out of a
 * first model trained on the other nine tenths; the model that ships is then trained on all examples and carries
 * that temperature. Example order is shuffled with a fixed seed, so the same corpus always gives the same model
 * byte for byte.
 */
public final class TopicTrainer {
    /**
     * The settings; the defaults are what docs/benchmarks.md measured (chosen on a hold-out of the train splits).
     *
     * @param aggressiveness PA-I's C: the largest step one example may take
     * @param smoothing      the naive Bayes count smoothing a
     */
    public record Settings(int bits, int epochs, double aggressiveness, double smoothing, long seed) {
        public static final Settings DEFAULTS = new Settings(18, 10, 1.0, 0.5, 20261126L);
    }

    /** One example in this many is held out to fit the temperature. */
    private static final int CALIBRATION_SHARE = 10;
    private static final double MIN_TEMPERATURE = 0.01;
    private static final double TEMPERATURE_STEP = 1.05;
    private static final int TEMPERATURE_STEPS = 150;

    private final Settings settings;

    public TopicTrainer(Settings settings) {
        this.settings = settings;
    }

    public TopicModel train(List<LabelledText> examples) {
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two labels, got " + labels);
        }
        // idf is learnt without labels, so the held-out tenth may share it with the model it calibrates.
        float[] idf = inverseDocumentFrequencies(examples);
        FeatureHasher hasher = new FeatureHasher(settings.bits(), idf);
        List<SparseVector> vectors = new ArrayList<>(examples.size());
        int[] targets = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            vectors.add(hasher.features(examples.get(i).text()));
            targets[i] = labels.indexOf(examples.get(i).label());
        }
        int[] order = shuffled(examples.size(), new Random(settings.seed()));
        int heldOut = examples.size() / CALIBRATION_SHARE;
        double temperature = 1;
        if (heldOut > 0) {
            int[] fitting = Arrays.copyOfRange(order, heldOut, order.length);
            TopicModel first = fit(labels, idf, vectors, targets, fitting, 1);
            temperature = temperature(first, vectors, targets, Arrays.copyOfRange(order, 0, heldOut));
        }
        return fit(labels, idf, vectors, targets, order, temperature);
    }

    private TopicModel fit(List<String> labels, float[] idf, List<SparseVector> vectors, int[] targets, int[] use,
            double temperature) {
        int k = labels.size();
        int buckets = 1 << settings.bits();
        float[][] ratios = logCountRatios(k, buckets, vectors, targets, use);
        float[] weights = new float[buckets * k];
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            float[] w = oneVersusRest(c, ratios[c], vectors, targets, use);
            for (int b = 0; b < buckets; b++) {
                weights[b * k + c] = w[b] * ratios[c][b];
            }
            bias[c] = w[buckets];
        }
        return new TopicModel(labels, settings.bits(), idf, weights, bias, (float) temperature);
    }

    /** Per label and bucket, naive Bayes' log ratio of the bucket's share of label documents to its other share. */
    private float[][] logCountRatios(int k, int buckets, List<SparseVector> vectors, int[] targets, int[] use) {
        float[][] inLabel = new float[k][buckets];
        float[] all = new float[buckets];
        for (int i : use) {
            for (int bucket : vectors.get(i).indices()) {
                inLabel[targets[i]][bucket]++;
                all[bucket]++;
            }
        }
        double a = settings.smoothing();
        double allTotal = 0;
        for (float n : all) {
            allTotal += n + 2 * a;
        }
        float[][] ratios = new float[k][buckets];
        for (int c = 0; c < k; c++) {
            double labelTotal = 0;
            for (float n : inLabel[c]) {
                labelTotal += n + a;
            }
            double otherTotal = allTotal - labelTotal;
            for (int b = 0; b < buckets; b++) {
                double p = (a + inLabel[c][b]) / labelTotal;
                double q = (a + all[b] - inLabel[c][b]) / otherTotal;
                ratios[c][b] = (float) Math.log(p / q);
            }
        }
        return ratios;
    }

    /**
     * Averaged PA-I for label {@code c} against the rest on features scaled by {@code ratio}; the last element is
     * the bias (a constant feature of value 1).
     */
    private float[] oneVersusRest(int c, float[] ratio, List<SparseVector> vectors, int[] targets, int[] use) {
        int buckets = ratio.length;
        float[] w = new float[buckets + 1];
        // The running sum of step × update, for the average of all weight vectors seen (Daumé's trick).
        double[] sum = new double[buckets + 1];
        long step = 1;
        int[] order = use.clone();
        Random random = new Random(settings.seed() + c);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                int[] indices = vectors.get(i).indices();
                float[] values = vectors.get(i).values();
                double score = w[buckets];
                double squaredNorm = 1;
                for (int f = 0; f < indices.length; f++) {
                    double z = values[f] * ratio[indices[f]];
                    score += w[indices[f]] * z;
                    squaredNorm += z * z;
                }
                int y = targets[i] == c ? 1 : -1;
                double loss = 1 - y * score;
                if (loss > 0) {
                    float tau = (float) (y * Math.min(settings.aggressiveness(), loss / squaredNorm));
                    for (int f = 0; f < indices.length; f++) {
                        float delta = tau * values[f] * ratio[indices[f]];
                        w[indices[f]] += delta;
                        sum[indices[f]] += step * (double) delta;
                    }
                    w[buckets] += tau;
                    sum[buckets] += step * (double) tau;
                }
                step++;
            }
        }
        for (int b = 0; b <= buckets; b++) {
            w[b] -= (float) (sum[b] / step);
        }
        return w;
    }

    /** The softmax temperature with the least log loss on the held-out examples, over a geometric grid. */
    private static double temperature(TopicModel model, List<SparseVector> vectors, int[] targets, int[] heldOut) {
        double[][] scores = new double[heldOut.length][];
        for (int n = 0; n < heldOut.length; n++) {
            scores[n] = model.scores(vectors.get(heldOut[n]));
        }
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        double t = MIN_TEMPERATURE;
        for (int step = 0; step < TEMPERATURE_STEPS; step++, t *= TEMPERATURE_STEP) {
            double loss = 0;
            for (int n = 0; n < heldOut.length; n++) {
                double[] p = TopicModel.softmax(scores[n].clone(), t);
                loss -= Math.log(Math.max(p[targets[heldOut[n]]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /** Smoothed idf, {@code ln((N + 1) / (df + 1)) + 1}, per bucket; a bucket never seen gets the largest. */
    private float[] inverseDocumentFrequencies(List<LabelledText> examples) {
        FeatureHasher plain = new FeatureHasher(settings.bits());
        int[] documentFrequency = new int[1 << settings.bits()];
        for (LabelledText example : examples) {
            for (int bucket : plain.features(example.text()).indices()) {
                documentFrequency[bucket]++;
            }
        }
        float[] idf = new float[documentFrequency.length];
        for (int b = 0; b < idf.length; b++) {
            idf[b] = (float) (Math.log((examples.size() + 1.0) / (documentFrequency[b] + 1.0)) + 1);
        }
        return idf;
    }

    private static int[] shuffled(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
