package huixun.classify.topic;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A multinomial logistic regression over a {@link SentenceEncoder}'s vectors of short texts (session 10): the
 * encoder has learnt from a large body of text which words go together, which the hashed n-grams of 16,000
 * headlines cannot know, so its errors differ from the views' and the neighbours'. Alone it is weaker than the
 * model (thucnews_titles_zh_10 hold-outs 0.847 against 0.885), blended into the model's probabilities it gained
 * 0.009 (docs/classification.md, session 10).
 *
 * @param encoder the {@link SentenceEncoder#name()} the vectors come from
 * @param weights one weight per dimension and label, dimension-major
 * @param bias    one per label
 */
record SentenceClassifier(String encoder, int dimensions, float[] weights, float[] bias) {
    /** The share of this classifier's probabilities in a short text's final ones (hold-outs: 0.2-0.4 alike). */
    static final double WEIGHT = 0.3;
    /**
     * Vectors are scaled by this before the regression: an encoder's vectors have unit length, so their dot
     * products with small weights would give every label nearly the same score for many steps.
     */
    private static final float SCALE = 10;
    private static final int STEPS = 300;
    private static final double STEP_SIZE = 0.5;
    private static final double L2 = 1e-4;

    /**
     * Fits the regression by full-batch gradient descent from zero weights (deterministic: the same vectors give the
     * same classifier), minimising the mean log loss plus {@link #L2} over two of the squared weights.
     *
     * @param targets the label index of each vector
     */
    static SentenceClassifier train(String encoder, List<float[]> vectors, int[] targets, int k) {
        int n = vectors.size();
        int d = vectors.get(0).length;
        double[] w = new double[d * k];
        double[] b = new double[k];
        double[] gradient = new double[d * k];
        double[] biasGradient = new double[k];
        double[] p = new double[k];
        for (int step = 0; step < STEPS; step++) {
            Arrays.fill(gradient, 0);
            Arrays.fill(biasGradient, 0);
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                scores(x, w, b, k, p);
                softmax(p);
                p[targets[i]] -= 1;
                for (int j = 0; j < d; j++) {
                    double xj = SCALE * x[j] / n;
                    int row = j * k;
                    for (int c = 0; c < k; c++) {
                        gradient[row + c] += xj * p[c];
                    }
                }
                for (int c = 0; c < k; c++) {
                    biasGradient[c] += p[c] / n;
                }
            }
            for (int i = 0; i < w.length; i++) {
                w[i] -= STEP_SIZE * (gradient[i] + L2 * w[i]);
            }
            for (int c = 0; c < k; c++) {
                b[c] -= STEP_SIZE * biasGradient[c];
            }
        }
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = (float) b[c];
        }
        return new SentenceClassifier(encoder, d, weights, bias);
    }

    /** Each label's probability for the text whose encoder vector is {@code vector}. */
    double[] probabilities(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("the encoder gave " + vector.length + " dimensions, the classifier has "
                    + dimensions);
        }
        int k = bias.length;
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            p[c] = bias[c];
        }
        for (int j = 0; j < dimensions; j++) {
            double xj = SCALE * vector[j];
            int row = j * k;
            for (int c = 0; c < k; c++) {
                p[c] += xj * weights[row + c];
            }
        }
        return softmax(p);
    }

    /** Training's scores: the weights and biases being fitted, in doubles. */
    private static void scores(float[] x, double[] w, double[] b, int k, double[] out) {
        System.arraycopy(b, 0, out, 0, k);
        for (int j = 0; j < x.length; j++) {
            double xj = SCALE * x[j];
            int row = j * k;
            for (int c = 0; c < k; c++) {
                out[c] += xj * w[row + c];
            }
        }
    }

    private static double[] softmax(double[] scores) {
        return TopicModel.softmax(scores, 1);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(encoder);
        out.writeInt(dimensions);
        for (float value : bias) {
            out.writeFloat(value);
        }
        for (float value : weights) {
            out.writeFloat(value);
        }
    }

    static SentenceClassifier read(DataInputStream in, int k) throws IOException {
        String encoder = in.readUTF();
        int dimensions = in.readInt();
        if (dimensions < 1 || dimensions > 4096) {
            throw new IOException("corrupt topic model: sentence classifier of " + dimensions + " dimensions");
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        float[] weights = new float[dimensions * k];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new SentenceClassifier(encoder, dimensions, weights, bias);
    }
}
