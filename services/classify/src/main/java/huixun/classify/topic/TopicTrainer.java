package huixun.classify.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
 * <p>One such model is trained per {@link FeatureHasher.View} of the text listed in the settings (character n-grams,
 * HanLP-segmented words), each on its own features, idf and naive Bayes ratios; the {@link TopicModel} averages
 * their calibrated probabilities.
 *
 * <p>Hinge-loss scores are margins, not probabilities, while the service thresholds probabilities to attach a
 * second topic: so, per view, a softmax temperature is fitted (least log loss) on every tenth training example,
 * held out of a first model trained on the other nine tenths; the model that ships is then trained on all examples
 * and carries that temperature. Example order is shuffled with a fixed seed, so the same corpus always gives the
 * same model byte for byte.
 *
 * <p>The first models' mean probabilities on that tenth also show which label pairs the one-vs-rest classifiers
 * confuse; for the most confused ones (session 7) the trainer adds a {@link TopicModel.PairClassifier} per pair,
 * the same learner on the two labels' examples only, which then decides between them when they are the model's
 * top two (thucnews_titles_zh_10 headlines: stocks and finance, game and science).
 *
 * <p>When at least {@link ShortTextNeighbours#MIN_TEXTS} training texts are short (headlines), the model also keeps
 * them (at most {@link Settings#neighbours()}) for a nearest-neighbour vote on short texts (session 8), their
 * features computed as the read model will. Given a {@link SentenceEncoder}, it then also fits a
 * {@link SentenceClassifier} on the encoder's vectors of those short texts (session 10).
 */
public final class TopicTrainer {
    /**
     * The settings; the defaults are what docs/benchmarks.md measured (chosen on a hold-out of the train splits).
     *
     * @param aggressiveness PA-I's C: the largest step one example may take
     * @param smoothing      the naive Bayes count smoothing a
     * @param views          the views of the text to learn one classifier each for
     * @param pairs          at most this many pairwise classifiers, for the label pairs most often confused on the
     *                       calibration tenth (0: none)
     * @param neighbours     at most this many short training texts kept for the {@link ShortTextNeighbours} vote
     *                       (0: none; there is no vote either when fewer than its minimum are short)
     */
    public record Settings(int bits, int epochs, double aggressiveness, double smoothing, long seed,
            List<FeatureHasher.View> views, int pairs, int neighbours) {
        public static final Settings DEFAULTS = new Settings(18, 10, 1.0, 0.5, 20261126L);
        /** Pairwise classifiers by default: the hold-out gain grew up to about this many (docs, session 7). */
        public static final int DEFAULT_PAIRS = 16;
        /** Short texts for the neighbour vote by default: as many as the model can hold. */
        public static final int DEFAULT_NEIGHBOURS = ShortTextNeighbours.MAX_TEXTS;

        public Settings {
            views = List.copyOf(views);
            if (views.isEmpty()) {
                throw new IllegalArgumentException("need at least one view");
            }
            if (pairs < 0) {
                throw new IllegalArgumentException("pairs must not be negative: " + pairs);
            }
            if (neighbours < 0 || neighbours > ShortTextNeighbours.MAX_TEXTS) {
                throw new IllegalArgumentException(
                        "neighbours must be 0.." + ShortTextNeighbours.MAX_TEXTS + ": " + neighbours);
            }
        }

        /** Settings with the default number of short texts for the neighbour vote. */
        public Settings(int bits, int epochs, double aggressiveness, double smoothing, long seed,
                List<FeatureHasher.View> views, int pairs) {
            this(bits, epochs, aggressiveness, smoothing, seed, views, pairs, DEFAULT_NEIGHBOURS);
        }

        /** Settings with every view and the default numbers of pairwise classifiers and neighbour texts. */
        public Settings(int bits, int epochs, double aggressiveness, double smoothing, long seed) {
            this(bits, epochs, aggressiveness, smoothing, seed, List.of(FeatureHasher.View.values()), DEFAULT_PAIRS,
                    DEFAULT_NEIGHBOURS);
        }
    }

    /** One example in this many is held out to fit the temperature. */
    private static final int CALIBRATION_SHARE = 10;
    /**
     * A label pair gets a pairwise classifier only when the calibration tenth shows it confused at least this often:
     * pairs confused less often (fudan_zh_20's small labels) gained nothing on the hold-outs and cost a few texts
     * (docs/classification.md, session 7).
     */
    private static final int MIN_PAIR_CONFUSIONS = 4;
    private static final double MIN_TEMPERATURE = 0.01;
    private static final double TEMPERATURE_STEP = 1.05;
    private static final int TEMPERATURE_STEPS = 150;

    private final Settings settings;
    private final SentenceEncoder encoder;

    public TopicTrainer(Settings settings) {
        this(settings, null);
    }

    /** @param encoder the encoder for a {@link SentenceClassifier} of short texts, or null for none */
    public TopicTrainer(Settings settings, SentenceEncoder encoder) {
        this.settings = settings;
        this.encoder = encoder;
    }

    public TopicModel train(List<LabelledText> examples) {
        List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two labels, got " + labels);
        }
        int[] targets = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            targets[i] = labels.indexOf(examples.get(i).label());
        }
        int[] order = shuffled(examples.size(), new Random(settings.seed()));
        int k = labels.size();
        int[] calibration = Arrays.copyOfRange(order, 0, examples.size() / CALIBRATION_SHARE);
        List<TrainedView> trained = new ArrayList<>();
        for (FeatureHasher.View view : settings.views()) {
            trained.add(trainView(view, examples, targets, order, calibration, k));
        }
        List<TopicModel.PairClassifier> pairs = new ArrayList<>();
        for (int[] pair : mostConfusedPairs(trained, targets, calibration, k)) {
            pairs.add(fitPair(pair[0], pair[1], trained, targets, order));
        }
        return new TopicModel(labels, settings.bits(), trained.stream().map(TrainedView::classifier).toList(), pairs,
                shortTextNeighbours(examples, targets, k, trained), sentenceClassifier(examples, targets, k));
    }

    /** The indices of the short texts (headlines) among {@code examples}. */
    private static IntStream shortTexts(List<LabelledText> examples) {
        return IntStream.range(0, examples.size()).filter(i -> ShortTextNeighbours.isShort(examples.get(i).text()));
    }

    /**
     * The classifier over the encoder's vectors of the short training texts, or null without an encoder or with
     * fewer short texts than the neighbour vote needs (articles never consult it, so it is fitted on headlines only).
     */
    private SentenceClassifier sentenceClassifier(List<LabelledText> examples, int[] targets, int k) {
        if (encoder == null) {
            return null;
        }
        int[] shortTexts = shortTexts(examples).toArray();
        if (shortTexts.length < ShortTextNeighbours.MIN_TEXTS) {
            return null;
        }
        List<float[]> vectors = encoder.embedAll(Arrays.stream(shortTexts).mapToObj(i -> examples.get(i).text())
                .toList());
        return SentenceClassifier.train(encoder.name(), vectors, Arrays.stream(shortTexts).map(i -> targets[i])
                .toArray(), k);
    }

    /** The short training texts for the neighbour vote, or null when there are too few of them (or none wanted). */
    private ShortTextNeighbours shortTextNeighbours(List<LabelledText> examples, int[] targets, int k,
            List<TrainedView> trained) {
        int[] shortTexts = shortTexts(examples).limit(settings.neighbours()).toArray();
        if (shortTexts.length < ShortTextNeighbours.MIN_TEXTS) {
            return null;
        }
        List<List<SparseVector>> vectors = new ArrayList<>();
        for (TrainedView view : trained) {
            TopicModel.ViewClassifier classifier = view.classifier();
            FeatureHasher hasher = new FeatureHasher(classifier.view(), settings.bits(),
                    TopicModel.storedIdf(classifier.idf()));
            vectors.add(Arrays.stream(shortTexts).mapToObj(i -> hasher.features(examples.get(i).text())).toList());
        }
        int[] labels = Arrays.stream(shortTexts).map(i -> targets[i]).toArray();
        return ShortTextNeighbours.of(labels, k, settings.bits(), vectors);
    }

    /**
     * One view's shipped classifier, its training vectors (the pairwise classifiers learn on them too) and the
     * probabilities that its first model (trained without the calibration tenth) gives the calibration tenth.
     */
    private record TrainedView(TopicModel.ViewClassifier classifier, List<SparseVector> vectors,
            double[][] calibrationProbabilities) {
    }

    private TrainedView trainView(FeatureHasher.View view, List<LabelledText> examples, int[] targets, int[] order,
            int[] calibration, int k) {
        // idf is learnt without labels, so the held-out tenth may share it with the model it calibrates.
        float[] idf = inverseDocumentFrequencies(view, examples);
        FeatureHasher hasher = new FeatureHasher(view, settings.bits(), idf);
        List<SparseVector> vectors = new ArrayList<>(examples.size());
        for (LabelledText example : examples) {
            vectors.add(hasher.features(example.text()));
        }
        double temperature = 1;
        double[][] probabilities = new double[calibration.length][];
        if (calibration.length > 0) {
            int[] fitting = Arrays.copyOfRange(order, calibration.length, order.length);
            TopicModel.ViewClassifier first = fit(view, k, idf, vectors, targets, fitting);
            temperature = temperature(first, vectors, targets, calibration);
            for (int n = 0; n < calibration.length; n++) {
                probabilities[n] = TopicModel.softmax(first.scores(vectors.get(calibration[n])), temperature);
            }
        }
        TopicModel.ViewClassifier classifier = fit(view, k, idf, vectors, targets, order).withTemperature(temperature);
        return new TrainedView(classifier, vectors, probabilities);
    }

    /**
     * The label pairs (lower index first) that the first models' mean probabilities confuse most often on the
     * calibration tenth, most confusions first (ties by label order), at most {@link Settings#pairs()} of them and
     * each confused at least {@link #MIN_PAIR_CONFUSIONS} times.
     */
    private List<int[]> mostConfusedPairs(List<TrainedView> trained, int[] targets, int[] calibration, int k) {
        int[][] confusions = new int[k][k];
        for (int n = 0; n < calibration.length; n++) {
            double[] mean = new double[k];
            for (TrainedView view : trained) {
                for (int c = 0; c < k; c++) {
                    mean[c] += view.calibrationProbabilities()[n][c];
                }
            }
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (mean[c] > mean[best]) {
                    best = c;
                }
            }
            int gold = targets[calibration[n]];
            if (best != gold) {
                confusions[Math.min(gold, best)][Math.max(gold, best)]++;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (confusions[a][b] >= MIN_PAIR_CONFUSIONS) {
                    pairs.add(new int[] {a, b, confusions[a][b]});
                }
            }
        }
        // A stable sort: equal counts keep label order, so the choice is reproducible.
        pairs.sort((x, y) -> Integer.compare(y[2], x[2]));
        return pairs.subList(0, Math.min(settings.pairs(), pairs.size()));
    }

    /**
     * The one-versus-one classifier for labels {@code first} and {@code second}: per view, the same learner as the
     * one-versus-rest classifiers on those two labels' examples only, with naive Bayes ratios of first against
     * second, so the features that tell the two apart weigh more than those that tell them from the rest.
     */
    private TopicModel.PairClassifier fitPair(int first, int second, List<TrainedView> trained, int[] targets,
            int[] order) {
        // Relabelled: 0 for first, 1 for second, -1 for any other label (left out).
        int[] pairTargets = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            pairTargets[i] = targets[i] == first ? 0 : targets[i] == second ? 1 : -1;
        }
        int[] use = Arrays.stream(order).filter(i -> pairTargets[i] >= 0).toArray();
        int buckets = 1 << settings.bits();
        float[][] weights = new float[trained.size()][buckets];
        float[] bias = new float[trained.size()];
        for (int v = 0; v < trained.size(); v++) {
            List<SparseVector> vectors = trained.get(v).vectors();
            float[] ratio = logCountRatios(2, buckets, vectors, pairTargets, use)[0];
            float[] w = oneVersusRest(0, ratio, vectors, pairTargets, use);
            for (int b = 0; b < buckets; b++) {
                weights[v][b] = w[b] * ratio[b];
            }
            bias[v] = w[buckets];
        }
        return TopicModel.PairClassifier.of(first, second, weights, bias);
    }

    private TopicModel.ViewClassifier fit(FeatureHasher.View view, int k, float[] idf, List<SparseVector> vectors,
            int[] targets, int[] use) {
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
        return TopicModel.ViewClassifier.of(view, idf, weights, bias, 1);
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
    private static double temperature(TopicModel.ViewClassifier model, List<SparseVector> vectors, int[] targets,
            int[] heldOut) {
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
    private float[] inverseDocumentFrequencies(FeatureHasher.View view, List<LabelledText> examples) {
        FeatureHasher plain = new FeatureHasher(view, settings.bits(), null);
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
