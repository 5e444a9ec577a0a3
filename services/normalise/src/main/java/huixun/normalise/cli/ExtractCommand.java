package huixun.normalise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.contracts.FailureReason;
import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import huixun.normalise.extract.ArticleExtractor;
import huixun.normalise.extract.Extraction;
import huixun.pipeline.charset.CharsetDetector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code extract}: runs the service's extractor over a directory of saved pages, without Kafka or a database, and
 * writes one JSON line per page to standard output, in file-name order:
 * {@code {"id": <file stem>, "title", "text", "textOriginal", "published", "author", "lang", "script", "editor",
 * "originalTitle", "sourceName", "updated", "canonicalUrl", "leadImage", "description", "siteCategories",
 * "provenance"}}, or {@code {"id", "failure": "not_an_article"|"timeout"|"too_large", "detail"}}. Progress and the
 * throughput go to standard error. Unlike the service, it sets no time or memory limit per page: its output must
 * not depend on how busy the machine is.
 *
 * <pre>extract [--threads N] [--repeat N] [--html] [--out FILE] DIRECTORY</pre>
 *
 * {@code --html} adds {@code "html"}, the sanitised HTML body the service stores; without it the extractor does
 * not render it.
 *
 * {@code --repeat N} extracts every page N times and reports the throughput of the second half of the passes (the
 * JIT compiler has warmed up by then; one pass over a small set is too short to time steadily); the output is
 * written once.
 */
public final class ExtractCommand {
    private static final int MAX_BODY_CHARS = 2_000_000;
    private static final int MIN_TEXT_CHARS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ExtractCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("extract: " + e.getMessage());
            System.err.println("usage: extract [--threads N] [--repeat N] [--html] [--out FILE] DIRECTORY");
            System.exit(2);
            return;
        }
        System.exit(run(options, System.err));
    }

    static int run(Options options, PrintStream err) throws IOException, InterruptedException {
        ArticleExtractor extractor;
        try {
            extractor = new ArticleExtractor(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE),
                    MAX_BODY_CHARS, MIN_TEXT_CHARS, options.html());
        } catch (InvalidRulesException e) {
            err.println("extract: " + e.getMessage());
            return 1;
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(options.directory())) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        List<byte[]> bodies = new ArrayList<>(pages.size());
        for (Path page : pages) {
            bodies.add(Files.readAllBytes(page));
        }
        List<String> lines = null;
        double seconds = 0;
        LongAdder cpuNanos = new LongAdder();
        LongAdder decodeNanos = new LongAdder();
        int timed = Math.max(1, options.repeat() / 2);
        for (int pass = 1; pass <= options.repeat(); pass++) {
            if (pass == options.repeat() - timed + 1) {
                cpuNanos.reset();
                decodeNanos.reset();
                seconds = 0;
            }
            long start = System.nanoTime();
            lines = extractAll(extractor, pages, bodies, options.threads(), err, pass == options.repeat(), cpuNanos,
                    decodeNanos);
            seconds += (System.nanoTime() - start) / 1e9;
        }
        try (Writer out = options.out() == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        // CPU time of the extracting threads: on a shared machine wall time measures the neighbours too. Decoding
        // the bytes is fetch's work in the pipeline (the service receives text), so it is also given apart.
        double cpuSeconds = cpuNanos.sum() / 1e9;
        double decodeSeconds = decodeNanos.sum() / 1e9;
        double extracted = (double) pages.size() * timed;
        err.printf("extract: pages=%d threads=%d timed_passes=%d seconds=%.3f pages_per_second=%.1f cpu_seconds=%.3f"
                        + " pages_per_cpu_second=%.1f decode_cpu_seconds=%.3f extract_pages_per_cpu_second=%.1f%n",
                pages.size(), options.threads(), timed, seconds, extracted / Math.max(seconds, 1e-9), cpuSeconds,
                extracted / Math.max(cpuSeconds, 1e-9), decodeSeconds,
                extracted / Math.max(cpuSeconds - decodeSeconds, 1e-9));
        return 0;
    }

    private static List<String> extractAll(ArticleExtractor extractor, List<Path> pages, List<byte[]> bodies,
                                           int threads, PrintStream err, boolean progress, LongAdder cpuNanos,
                                           LongAdder decodeNanos) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<String>> results = new ArrayList<>(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                Path page = pages.get(i);
                byte[] body = bodies.get(i);
                results.add(pool.submit(() -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    String html = CharsetDetector.decode(null, body).html();
                    long decoded = THREADS.getCurrentThreadCpuTime();
                    String line = line(extractor, page, html);
                    decodeNanos.add(decoded - cpu);
                    cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpu);
                    int count = done.incrementAndGet();
                    if (progress && (count % 50 == 0 || count == pages.size())) {
                        err.printf("\rextract: %d/%d", count, pages.size());
                        if (count == pages.size()) {
                            err.println();
                        }
                    }
                    return line;
                }));
            }
            List<String> lines = new ArrayList<>(pages.size());
            for (Future<String> result : results) {
                lines.add(result.get());
            }
            return lines;
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String line(ArticleExtractor extractor, Path page, String html) {
        String name = page.getFileName().toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", name.substring(0, name.length() - ".html".length()));
        Extraction extraction = extractor.extract(html, null);
        if (extraction instanceof Extraction.Article article) {
            json.put("title", article.title());
            json.put("text", article.text());
            if (article.html() != null) {
                json.put("html", article.html());
            }
            json.put("textOriginal", article.textOriginal());
            json.put("published", article.publishedAt() == null ? null : article.publishedAt().toString());
            json.put("author", article.author());
            json.put("lang", article.language() == null ? null
                    : article.script() == null ? article.language() : article.language() + "-" + article.script());
            json.put("script", article.script());
            json.put("editor", article.editor());
            json.put("originalTitle", article.originalTitle());
            json.put("sourceName", article.sourceName());
            json.put("updated", article.updatedAt() == null ? null : article.updatedAt().toString());
            json.put("canonicalUrl", article.canonicalUrl());
            json.put("leadImage", article.leadImage());
            json.put("description", article.description());
            json.put("siteCategories", article.siteCategories());
            json.put("provenance", new TreeMap<>(article.provenance()));
        } else if (extraction instanceof Extraction.NoArticle none) {
            json.put("text", "");
            json.put("failure", FailureReason.NOT_AN_ARTICLE);
            json.put("detail", none.detail());
        } else {
            Extraction.OverLimit over = (Extraction.OverLimit) extraction;
            json.put("text", "");
            json.put("failure", over.reason());
            json.put("detail", over.detail());
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Options(Path directory, int threads, int repeat, boolean html, Path out) {
        static Options parse(String[] args) {
            Path directory = null;
            int threads = 1;
            int repeat = 1;
            boolean html = false;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--threads" -> threads = positive(args, ++i);
                    case "--repeat" -> repeat = positive(args, ++i);
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--html" -> html = true;
                    default -> {
                        if (args[i].startsWith("--") || directory != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        directory = Path.of(args[i]);
                    }
                }
            }
            if (directory == null || !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("a directory of .html files is required");
            }
            return new Options(directory, threads, repeat, html, out);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int positive(String[] args, int i) {
            try {
                int n = Integer.parseInt(value(args, i));
                if (n < 1) {
                    throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " must be a number");
            }
        }
    }
}
