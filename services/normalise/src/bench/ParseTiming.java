import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.parse.PageParser;
import huixun.pipeline.charset.CharsetDetector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ceiling under the extractor's throughput: how many pages per CPU-second decoding (fetch's charset detection,
 * which the extract command runs before extracting) and parsing alone take, as the extractor parses (jsoup, without
 * the contents of stylesheets and executable scripts: {@link PageParser}), over the same directory of pages as the
 * extract command. Run by bench.sh with Java's source launcher; not part of the build. Each figure is the
 * CPU time of this thread over the last MEASURED of PASSES passes (the JIT has warmed up by then).
 *   usage: java -cp <classpath> ParseTiming.java DIRECTORY
 */
public final class ParseTiming {
    private static final int PASSES = 60;
    private static final int MEASURED = 30;

    public static void main(String[] args) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                bodies.add(Files.readAllBytes(page));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> pages = new ArrayList<>();
        double decode = 0;
        double parse = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            boolean measured = pass >= PASSES - MEASURED;
            pages.clear();
            long start = threads.getCurrentThreadCpuTime();
            for (byte[] body : bodies) {
                pages.add(CharsetDetector.decode(null, body).html());
            }
            decode += measured ? (threads.getCurrentThreadCpuTime() - start) / 1e9 : 0;
            start = threads.getCurrentThreadCpuTime();
            int elements = 0;
            for (String page : pages) {
                elements += PageParser.parse(page, "", ExtractionBudget.unlimited()).getAllElements().size();
            }
            parse += measured ? (threads.getCurrentThreadCpuTime() - start) / 1e9 : 0;
            if (elements == 0) {
                throw new IllegalStateException("no elements parsed");
            }
        }
        long chars = pages.stream().mapToLong(String::length).sum();
        double parsed = (double) pages.size() * MEASURED;
        System.out.printf("parse-only pages=%d chars_per_page=%d decode_pages_per_cpu_second=%.0f"
                        + " parse_pages_per_cpu_second=%.0f decode_and_parse_pages_per_cpu_second=%.0f%n",
                pages.size(), chars / pages.size(), parsed / decode, parsed / parse, parsed / (decode + parse));
    }
}
