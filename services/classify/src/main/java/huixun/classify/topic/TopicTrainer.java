package huixun.classify.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains a {@link TopicModel} by stochastic gradient descent on the logistic (cross-entropy) loss with AdaGrad
 * step sizes: rare n-grams keep large steps, frequent ones settle. The example order is shuffled with a fixed seed
 * each epoch, so the same corpus always gives the same model byte for byte.
 *
 * <p>Why logistic regression rather than a perceptron or passive-aggressive: it gives calibrated probabilities,
 * and the service needs scores it can threshold to attach a second topic (see docs/classification.md).
 */
public final class TopicTrainer {
    /** The settings; the defaults are what docs/benchmarks.md measured. */
    public record Settings(int bits, int epochs, double learningRate, double l2, long seed) {
        public static final Settings DEFAULTS = new Settings(18, 8, 0.5, 1e-7, 20261126L);
    }

    private static final float SKIP_ERROR = 1e-3f;

    private final Settings settings;

    public TopicTrainer(Settings settings) {
        this.settings = settings;
    }

    public TopicModel train(List<LabelledText> examples) {
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two labels, got " + labels);
        }
        float[] idf = inverseDocumentFrequencies(examples);
        FeatureHasher hasher = new FeatureHasher(settings.bits(), idf);
        List<SparseVector> vectors = new ArrayList<>(examples.size());
        int[] targets = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            vectors.add(hasher.features(examples.get(i).text()));
            targets[i] = labels.indexOf(examples.get(i).label());
        }
        int k = labels.size();
        float[] weights = new float[(1 << settings.bits()) * k];
        float[] squares = new float[weights.length];
        float[] bias = new float[k];
        float[] biasSquares = new float[k];
        int[] order = new int[vectors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        TopicModel model = new TopicModel(labels, settings.bits(), idf, weights, bias);
        float rate = (float) settings.learningRate();
        float l2 = (float) settings.l2();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                SparseVector x = vectors.get(i);
                double[] p = model.probabilities(x);
                for (int c = 0; c < k; c++) {
                    float gradient = (float) (p[c] - (c == targets[i] ? 1 : 0));
                    biasSquares[c] += gradient * gradient;
                    bias[c] -= rate * gradient / (float) Math.sqrt(biasSquares[c] + 1e-8f);
                }
                int[] indices = x.indices();
                float[] values = x.values();
                for (int c = 0; c < k; c++) {
                    float error = (float) (p[c] - (c == targets[i] ? 1 : 0));
                    // A label the model already gets right to within SKIP_ERROR teaches nothing; skipping it makes
                    // the later epochs several times faster on long texts. The regulariser skips with it.
                    if (Math.abs(error) < SKIP_ERROR) {
                        continue;
                    }
                    for (int f = 0; f < indices.length; f++) {
                        int w = indices[f] * k + c;
                        float gradient = error * values[f] + l2 * weights[w];
                        squares[w] += gradient * gradient;
                        weights[w] -= rate * gradient / (float) Math.sqrt(squares[w] + 1e-8f);
                    }
                }
            }
        }
        return model;
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

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
