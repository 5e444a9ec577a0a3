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
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear classifier over hashed features ({@link FeatureHasher}): one weight per bucket and label plus a bias per
 * label, probabilities by a softmax of the scores divided by a temperature (fitted by {@link TopicTrainer}). Weights
 * are laid out bucket-major so scoring one feature reads adjacent memory. In memory: one float per bucket and label
 * plus one per bucket for the idf (2^18 buckets and 12 labels: 13 MB).
 *
 * <p>File format (gzip'd {@link DataOutputStream}): magic {@code HXTM}, version, hash bits, label count, the
 * labels (UTF), the biases (float), the temperature (float), every bucket's idf as a 16-bit integer in thousandths,
 * one scale per label (float), then every bucket's weights as 16-bit integers ({@code weight = value * scale});
 * 16 bits keep the accuracy of the float model (the gate test evaluates the model as read back) at half the size.
 */
public final class TopicModel {
    private static final int MAGIC = 0x4858544d;
    private static final int VERSION = 2;
    /** idf is stored in thousandths: the largest idf, ln(N) + 1 for a few hundred thousand texts, fits a short. */
    private static final float IDF_UNITS = 1000;

    private final List<String> labels;
    private final int bits;
    private final float[] idf;
    private final float[] weights;
    private final float[] bias;
    private final float temperature;

    TopicModel(List<String> labels, int bits, float[] idf, float[] weights, float[] bias, float temperature) {
        this.labels = List.copyOf(labels);
        this.bits = bits;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
    }

    public List<String> labels() {
        return labels;
    }

    public int bits() {
        return bits;
    }

    /** The softmax temperature: scores are margins, and this turns them into calibrated probabilities. */
    public float temperature() {
        return temperature;
    }

    /** A hasher matching this model's feature space; one per thread. */
    public FeatureHasher newHasher() {
        return new FeatureHasher(bits, idf);
    }

    /** The probability of each label (in {@link #labels()} order). */
    public double[] probabilities(SparseVector features) {
        return softmax(scores(features), temperature);
    }

    /** Each label's linear score (in {@link #labels()} order). */
    double[] scores(SparseVector features) {
        int k = labels.size();
        double[] scores = new double[k];
        for (int c = 0; c < k; c++) {
            scores[c] = bias[c];
        }
        int[] indices = features.indices();
        float[] values = features.values();
        for (int f = 0; f < indices.length; f++) {
            int base = indices[f] * k;
            float value = values[f];
            for (int c = 0; c < k; c++) {
                scores[c] += weights[base + c] * value;
            }
        }
        return scores;
    }

    /** The index of the most probable label. */
    public int predict(SparseVector features) {
        double[] scores = scores(features);
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
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
        int k = labels.size();
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(bits);
        out.writeInt(k);
        for (String label : labels) {
            out.writeUTF(label);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        out.writeFloat(temperature);
        ByteBuffer idfBuffer = ByteBuffer.allocate(idf.length * 2);
        for (float weight : idf) {
            idfBuffer.putShort((short) Math.round(weight * IDF_UNITS));
        }
        out.write(idfBuffer.array());
        float[] scales = new float[k];
        for (int i = 0; i < weights.length; i++) {
            scales[i % k] = Math.max(scales[i % k], Math.abs(weights[i]));
        }
        for (int c = 0; c < k; c++) {
            scales[c] = scales[c] == 0 ? 1 : scales[c] / Short.MAX_VALUE;
            out.writeFloat(scales[c]);
        }
        ByteBuffer buffer = ByteBuffer.allocate(weights.length * 2);
        for (int i = 0; i < weights.length; i++) {
            buffer.putShort((short) Math.round(weights[i] / scales[i % k]));
        }
        out.write(buffer.array());
        out.flush();
        gzip.finish();
    }

    public static TopicModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Huixun topic model (bad magic)");
        }
        int version = in.readInt();
        if (version != VERSION) {
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
        ShortBuffer shorts = ByteBuffer.wrap(raw).asShortBuffer();
        float[] weights = new float[raw.length / 2];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = shorts.get(i) * scales[i % k];
        }
        return new TopicModel(List.of(labels), bits, idf, weights, bias, temperature);
    }

    /** The model as it reads back from its file, so evaluation measures what ships. */
    public TopicModel quantised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes);
        return read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
