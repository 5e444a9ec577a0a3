package huixun.classify.cli;

import huixun.classify.topic.Corpus;
import huixun.classify.topic.CorpusLabelMap;
import huixun.classify.topic.Evaluation;
import huixun.classify.topic.FeatureHasher;
import huixun.classify.topic.LabelledText;
import huixun.classify.topic.SentenceEncoder;
import huixun.classify.topic.TopicModel;
import huixun.classify.topic.TopicTrainer;
import huixun.classify.topic.encoder.BgeSmallZhEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains, evaluates and benchmarks topic models, builds the keyword background and tunes and benchmarks the
 * near-duplicate fingerprints, without Kafka or Quarkus (see docs/classification.md):
 * <pre>
 * train --data FILE.jsonl.gz [--data FILE2.jsonl.gz …] [--labels native|iptc] [--epochs N] [--bits B]
 *       [--views characters,words] [--pairs N] [--neighbours N] [--encoder bge-small-zh-v1.5-q|none] --out MODEL
 * evaluate --model MODEL --data FILE.jsonl.gz [--labels native|iptc]
 * benchmark --model MODEL --data FILE.jsonl.gz [--chars 3000] [--articles 20000]
 * keyword-background --data FILE.jsonl.gz [--data …] [--min-df 2] --out FILE.tsv.gz
 * fingerprint-tune --data FILE.jsonl.gz [--articles 500]
 * fingerprint-benchmark [--stored 1000000] [--lookups 200000] [--distance 4]
 * label-benchmark --data FILE.jsonl.gz [--chars 3000] [--articles 2000]
 * </pre>
 */
public final class TopicCli {
    private TopicCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage("no command");
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "train" -> train(options);
            case "evaluate" -> System.out.println(evaluate(options));
            case "benchmark" -> benchmark(options);
            case "keyword-background" -> LabelDataCommands.keywordBackground(options);
            case "fingerprint-tune" -> LabelDataCommands.fingerprintTune(options);
            case "fingerprint-benchmark" -> LabelDataCommands.fingerprintBenchmark(options);
            case "label-benchmark" -> LabelDataCommands.labelBenchmark(options);
            default -> usage("unknown command " + args[0]);
        }
    }

    private static void train(Options options) throws IOException {
        List<LabelledText> examples = new ArrayList<>();
        for (Path data : options.data()) {
            examples.addAll(options.relabel(Corpus.read(data)));
        }
        TopicTrainer.Settings defaults = TopicTrainer.Settings.DEFAULTS;
        TopicTrainer.Settings settings = new TopicTrainer.Settings(options.intValue("--bits", defaults.bits()),
                options.intValue("--epochs", defaults.epochs()),
                options.doubleValue("--aggressiveness", defaults.aggressiveness()),
                options.doubleValue("--smoothing", defaults.smoothing()), defaults.seed(), options.views(),
                options.intValue("--pairs", TopicTrainer.Settings.DEFAULT_PAIRS),
                options.intValue("--neighbours", TopicTrainer.Settings.DEFAULT_NEIGHBOURS));
        long started = System.nanoTime();
        TopicModel model = new TopicTrainer(settings, options.encoder()).train(examples);
        Path out = Path.of(options.required("--out"));
        try (OutputStream file = Files.newOutputStream(out)) {
            model.write(file);
        }
        System.out.printf(Locale.ROOT,
                "trained on %d examples, %d labels, %d epochs, temperatures %s, %d pairwise classifiers, %d neighbour "
                        + "texts, sentence encoder %s in %.1f s; wrote %s (%d bytes)%n",
                examples.size(), model.labels().size(), settings.epochs(), model.temperatures(), model.pairs().size(),
                model.neighbourTexts(), model.encoder() == null ? "none" : model.encoder(),
                (System.nanoTime() - started) / 1e9, out, Files.size(out));
    }

    static String evaluate(Options options) throws IOException {
        TopicModel model = load(Path.of(options.required("--model")));
        List<LabelledText> examples = new ArrayList<>();
        for (Path data : options.data()) {
            examples.addAll(options.relabel(Corpus.read(data)));
        }
        return Evaluation.of(model, examples, encoderFor(model)).report(10);
    }

    /** Articles/s on one thread: feature hashing plus scoring, the work the service does per article. */
    private static void benchmark(Options options) throws IOException {
        TopicModel model = load(Path.of(options.required("--model")));
        int chars = options.intValue("--chars", 3000);
        int articles = options.intValue("--articles", 20000);
        StringBuilder pool = new StringBuilder();
        for (Path data : options.data()) {
            Corpus.read(data).forEach(e -> pool.append(e.text()).append('\n'));
        }
        if (pool.length() < chars) {
            usage("--data gives fewer than " + chars + " characters");
        }
        List<String> texts = new ArrayList<>();
        for (int start = 0; start + chars <= pool.length() && texts.size() < 1000; start += chars) {
            texts.add(pool.substring(start, start + chars));
        }
        TopicModel.Scorer scorer = model.newScorer(encoderFor(model));
        double sink = 0;
        for (int i = 0; i < articles / 4; i++) { // warm-up: let the JIT compile the hot loops first
            sink += scorer.probabilities(texts.get(i % texts.size()))[0];
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < articles; i++) {
            sink += scorer.probabilities(texts.get(i % texts.size()))[0];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU time as well as wall time: on shared cores the wall clock also counts other processes' turns.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        System.out.printf(Locale.ROOT, "%d articles of %d chars, one thread: %.2f s wall, %.2f s CPU (checksum %.3f)%n",
                articles, chars, seconds, cpuSeconds, sink);
        System.out.printf(Locale.ROOT, "articles/s per CPU second %.0f%n", articles / cpuSeconds);
        System.out.printf(Locale.ROOT, "articles/s %.0f%n", articles / seconds);
    }

    /** The sentence encoder {@code model} needs for short texts, or null when it needs none. */
    private static SentenceEncoder encoderFor(TopicModel model) {
        if (model.encoder() == null) {
            return null;
        }
        if (!model.encoder().equals(BgeSmallZhEncoder.NAME)) {
            usage("the model needs the sentence encoder " + model.encoder() + ", which this command does not have");
        }
        return new BgeSmallZhEncoder();
    }

    private static TopicModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TopicModel.read(in);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("""
                usage: train --data FILE.jsonl.gz [--data …] [--labels native|iptc] [--epochs N] [--bits B]
                             [--views characters,words] [--pairs N] [--neighbours N]
                             [--encoder bge-small-zh-v1.5-q|none] --out MODEL
                       evaluate --model MODEL --data FILE.jsonl.gz [--labels native|iptc]
                       benchmark --model MODEL --data FILE.jsonl.gz [--chars 3000] [--articles 20000]
                       keyword-background --data FILE.jsonl.gz [--data …] [--min-df 2] --out FILE.tsv.gz
                       fingerprint-tune --data FILE.jsonl.gz [--articles 500]
                       fingerprint-benchmark [--stored 1000000] [--lookups 200000] [--distance 4]
                       label-benchmark --data FILE.jsonl.gz [--chars 3000] [--articles 2000]""");
        System.exit(2);
    }

    /** The command line after the command: {@code --key value} pairs, {@code --data} repeatable. */
    record Options(List<String> args) {
        static Options parse(String[] args) {
            List<String> rest = List.of(args).subList(1, args.length);
            if (rest.size() % 2 != 0) {
                usage("options come in --key value pairs");
            }
            return new Options(rest);
        }

        List<Path> data() {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i += 2) {
                if (args.get(i).equals("--data")) {
                    files.add(Path.of(args.get(i + 1)));
                }
            }
            if (files.isEmpty()) {
                usage("--data is required");
            }
            return files;
        }

        String value(String key) {
            for (int i = 0; i < args.size(); i += 2) {
                if (args.get(i).equals(key)) {
                    return args.get(i + 1);
                }
            }
            return null;
        }

        String required(String key) {
            String value = value(key);
            if (value == null) {
                usage(key + " is required");
            }
            return value;
        }

        int intValue(String key, int fallback) {
            String value = value(key);
            return value == null ? fallback : Integer.parseInt(value);
        }

        double doubleValue(String key, double fallback) {
            String value = value(key);
            return value == null ? fallback : Double.parseDouble(value);
        }

        /**
         * {@code --encoder}: the sentence encoder for the classifier of short texts (used only when at least
         * {@code ShortTextNeighbours.MIN_TEXTS} training texts are short), bge-small-zh-v1.5-q when absent; null for
         * {@code none}.
         */
        SentenceEncoder encoder() {
            String value = value("--encoder");
            if (value == null || value.equals(BgeSmallZhEncoder.NAME)) {
                return new BgeSmallZhEncoder();
            }
            if (!value.equals("none")) {
                usage("--encoder is " + BgeSmallZhEncoder.NAME + " or none, got " + value);
            }
            return null;
        }

        /** {@code --views}: comma-separated view names, every view when absent. */
        List<FeatureHasher.View> views() {
            String value = value("--views");
            if (value == null) {
                return List.of(FeatureHasher.View.values());
            }
            List<FeatureHasher.View> views = new ArrayList<>();
            for (String name : value.split(",")) {
                try {
                    views.add(FeatureHasher.View.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    usage("--views takes characters and/or words, got " + name);
                }
            }
            return views;
        }

        List<LabelledText> relabel(List<LabelledText> examples) {
            String labels = value("--labels");
            if (labels == null || labels.equals("native")) {
                return examples;
            }
            if (!labels.equals("iptc")) {
                usage("--labels is native or iptc, got " + labels);
            }
            return new CorpusLabelMap().toIptc(examples);
        }
    }
}
