package huixun.classify.cli;

import com.hankcs.hanlp.HanLP;
import huixun.classify.ArticleLabeller;
import huixun.classify.config.ClassifyConfig;
import huixun.classify.config.FixedClassifyConfig;
import huixun.classify.duplicate.FingerprintIndex;
import huixun.classify.duplicate.FingerprintStore;
import huixun.classify.duplicate.TextFingerprint;
import huixun.classify.keyword.BackgroundFrequencies;
import huixun.classify.keyword.KeywordExtractor;
import huixun.classify.keyword.TermSplitter;
import huixun.classify.people.PeopleFinder;
import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.Corpus;
import huixun.classify.topic.KeywordTopicClassifier;
import huixun.classify.topic.LabelledText;
import huixun.classify.topic.ModelTopicClassifier;
import huixun.classify.topic.TopicClassifier;
import huixun.contracts.events.ArticleNormalised;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The TopicCli commands for the other label data (keyword background, near-duplicate threshold and index speed)
 * and for the speed of the whole labeller.
 */
final class LabelDataCommands {
    /** Page furniture a second site might wrap the same report in. */
    private static final String CHROME_BEFORE = "来源：新江苏网 2021-08-02 10:12 字号：大 中 小 分享到：微信 微博 QQ空间\n";
    private static final String CHROME_AFTER = "\n责任编辑：王明 相关阅读 返回首页 打印本页 关闭窗口 版权所有 未经授权禁止转载";
    /** Texts shorter than this are headlines, not articles: near-duplicate detection is for articles. */
    private static final int MIN_ARTICLE_CHARS = 300;

    private LabelDataCommands() {
    }

    /** Document frequencies of the keyword terms over every --data file, written to --out. */
    static void keywordBackground(TopicCli.Options options) throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path data : options.data()) {
            Corpus.read(data).forEach(e -> texts.add(e.text()));
            names.add(data.getParent().getFileName() + "/" + data.getFileName());
        }
        int minDocuments = options.intValue("--min-df", 2);
        BackgroundFrequencies background = BackgroundFrequencies.count(texts, new TermSplitter(), minDocuments);
        Path out = Path.of(options.required("--out"));
        try (OutputStream file = Files.newOutputStream(out)) {
            background.write(file, "document frequencies of keyword terms (TopicCli keyword-background --min-df "
                    + minDocuments + ") over " + String.join(", ", names));
        }
        System.out.printf(Locale.ROOT, "%d documents, %d terms with df >= %d; wrote %s (%d bytes)%n", texts.size(),
                background.size(), minDocuments, out, Files.size(out));
    }

    /**
     * How the Hamming distance between SimHashes separates copies from different articles. Copies of each article
     * of --data: its Traditional conversion, the same text in other page furniture, and the text without its last
     * sentence. Different articles: each article's nearest other article of --data.
     */
    static void fingerprintTune(TopicCli.Options options) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path data : options.data()) {
            Corpus.read(data).stream().map(LabelledText::text).filter(t -> t.length() >= MIN_ARTICLE_CHARS)
                    .forEach(texts::add);
        }
        int articles = Math.min(texts.size(), options.intValue("--articles", 500));
        long[] hashes = texts.stream().mapToLong(t -> TextFingerprint.of(t).simhash()).toArray();
        int maxK = 20;
        int[][] copiesWithin = new int[3][maxK + 1];
        int[] othersWithin = new int[maxK + 1];
        for (int i = 0; i < articles; i++) {
            String text = texts.get(i);
            int cut = text.lastIndexOf('。', text.length() - 2);
            String[] copies = {HanLP.convertToTraditionalChinese(text), CHROME_BEFORE + text + CHROME_AFTER,
                    cut > text.length() / 2 ? text.substring(0, cut + 1) : text.substring(0, text.length() * 9 / 10)};
            for (int c = 0; c < copies.length; c++) {
                int distance = Long.bitCount(hashes[i] ^ TextFingerprint.of(copies[c]).simhash());
                for (int k = distance; k <= maxK; k++) {
                    copiesWithin[c][k]++;
                }
            }
            int nearest = Long.SIZE;
            for (int j = 0; j < hashes.length; j++) {
                if (j != i) {
                    nearest = Math.min(nearest, Long.bitCount(hashes[i] ^ hashes[j]));
                }
            }
            for (int k = nearest; k <= maxK; k++) {
                othersWithin[k]++;
            }
        }
        System.out.printf(Locale.ROOT, "%d articles against %d (>= %d chars)%n", articles, hashes.length,
                MIN_ARTICLE_CHARS);
        System.out.println("k\ttraditional\tother-chrome\tlast-sentence-cut\tnearest-other-article");
        for (int k = 0; k <= maxK; k++) {
            System.out.printf(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f%n", k, copiesWithin[0][k] / (double) articles,
                    copiesWithin[1][k] / (double) articles, copiesWithin[2][k] / (double) articles,
                    othersWithin[k] / (double) articles);
        }
    }

    /** Time per lookup-and-record in an index holding --stored random fingerprints (default a million). */
    static void fingerprintBenchmark(TopicCli.Options options) {
        int stored = options.intValue("--stored", 1_000_000);
        int lookups = options.intValue("--lookups", 200_000);
        int maxDistance = options.intValue("--distance", 4);
        FingerprintIndex index = new FingerprintIndex(maxDistance);
        SplittableRandom random = new SplittableRandom(42);
        long[] hashes = new long[stored];
        for (int i = 0; i < stored; i++) {
            hashes[i] = random.nextLong();
            index.add(new FingerprintIndex.Entry(Integer.toHexString(i), hashes[i], i, null));
        }
        int duplicates = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            duplicates = 0;
            long started = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                // Half the queries are near copies of stored fingerprints (up to maxDistance bits flipped).
                long query = i % 2 == 0 ? random.nextLong() : flip(hashes[random.nextInt(stored)], maxDistance, random);
                if (index.record("q" + round + "-" + i, query, stored + i).duplicateOf() != null) {
                    duplicates++;
                }
            }
            double micros = (System.nanoTime() - started) / 1e3 / lookups;
            System.out.printf(Locale.ROOT, "round %d: %d lookups at %d+ stored, k=%d: %.2f µs per lookup, %d "
                    + "duplicates found%n", round, lookups, stored, maxDistance, micros, duplicates);
        }
    }

    /**
     * Articles/s on one thread through the whole labeller (topics, regions, people, keywords, fingerprints and the
     * duplicate lookup) for --chars-long articles cut from --data, after a warm-up of a quarter as many.
     */
    static void labelBenchmark(TopicCli.Options options) throws IOException {
        int chars = options.intValue("--chars", 3000);
        int articles = options.intValue("--articles", 2000);
        List<String> texts = new ArrayList<>();
        for (Path data : options.data()) {
            StringBuilder pool = new StringBuilder();
            Corpus.read(data).forEach(e -> pool.append(e.text()).append('\n'));
            for (int start = 0; start + chars <= pool.length() && texts.size() < 1000; start += chars) {
                texts.add(pool.substring(start, start + chars));
            }
        }
        ClassifyConfig config = FixedClassifyConfig.DEFAULTS;
        ArticleLabeller labeller = new ArticleLabeller(
                new TopicClassifier(new ModelTopicClassifier(), new KeywordTopicClassifier(), config),
                new GazetteerMatcher(config), new PeopleFinder(), new KeywordExtractor(),
                new FingerprintStore(config, "unused:9092"));
        for (int i = 0; i < articles / 4; i++) {
            labeller.label(article("w" + i, texts.get(i % texts.size())));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < articles; i++) {
            labeller.label(article("a" + i, texts.get(i % texts.size())));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        System.out.printf(Locale.ROOT, "%d articles of %d chars through the labeller, one thread: %.2f s wall, "
                + "%.2f s CPU%n", articles, chars, seconds, cpuSeconds);
        System.out.printf(Locale.ROOT, "articles/s per CPU second %.0f%n", articles / cpuSeconds);
        System.out.printf(Locale.ROOT, "articles/s %.0f%n", articles / seconds);
    }

    private static ArticleNormalised article(String id, String text) {
        // The first line stands for the title, as the corpora put a headline or the journal's name first.
        int newline = text.indexOf('\n');
        String title = newline > 0 && newline < 100 ? text.substring(0, newline) : "";
        return new ArticleNormalised(id, id, "http://bench.test/" + id, "http://bench.test/" + id, title, text, "",
                null, null, "zh", Instant.now());
    }

    private static long flip(long hash, int bits, SplittableRandom random) {
        long flipped = hash;
        for (int i = 0; i < bits; i++) {
            flipped ^= 1L << random.nextInt(Long.SIZE);
        }
        return flipped;
    }
}
