import huixun.normalise.zh.ChineseConverter;
import huixun.pipeline.charset.CharsetDetector;
import org.jsoup.Jsoup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times tw2s over 5,000 characters of real Traditional Chinese text (the body of a sample page, repeated), for
 * issue 5's "conversion of a 5,000-character article under 2 ms". Run by bench.sh with Java's source launcher; not
 * part of the build. Prints the mean CPU time per conversion (the figure that holds on a shared machine) and the
 * fastest wall-clock run, after a warm-up that lets the JIT compile the converter.
 *   usage: java -cp <classpath> ConvertTiming.java PAGE.html
 */
public final class ConvertTiming {
    private static final int CHARS = 5_000;
    private static final int WARM_UP = 3_000;
    private static final int RUNS = 2_000;

    public static void main(String[] args) throws Exception {
        String html = CharsetDetector.decode(null, Files.readAllBytes(Path.of(args[0]))).html();
        String body = Jsoup.parse(html).body().text().replaceAll("\\s+", "");
        String text = body.repeat(CHARS / body.length() + 1).substring(0, CHARS);
        ChineseConverter tw2s = new ChineseConverter(ChineseConverter.Variant.TW2S);
        for (int i = 0; i < WARM_UP; i++) {
            tw2s.toSimplified(text);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            tw2s.toSimplified(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / RUNS;
        System.out.printf("tw2s chars=%d runs=%d cpu_ms_mean=%.3f wall_ms_best=%.3f%n", CHARS, RUNS, cpuMs,
                best / 1e6);
    }
}
