import huixun.pipeline.charset.CharsetDetector;
import net.dankito.readability4j.Readability4J;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A peer's throughput on the same pages, the same machine and by the same method as the extract command's:
 * Readability4J 1.0.8 (the benchmark README's "Readability4J ... ~170 warm" pages/s), decoding each page with fetch's
 * charset detection first, pages per CPU-second of this thread over the last MEASURED of PASSES passes. Machines
 * differ by a factor of two; the ratio of our figure to this one does not depend on the machine. Run by bench.sh
 * with Java's source launcher on the classpath of peer/pom.xml; not part of the build.
 *   usage: java -cp <classpath> PeerTiming.java DIRECTORY
 */
public final class PeerTiming {
    private static final int PASSES = 60;
    private static final int MEASURED = 30;

    public static void main(String[] args) throws Exception {
        List<byte[]> bodies;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            bodies = files.filter(p -> p.toString().endsWith(".html")).sorted().map(PeerTiming::read).toList();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double seconds = 0;
        long textChars = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (byte[] body : bodies) {
                String html = CharsetDetector.decode(null, body).html();
                String text = new Readability4J("http://example.com/", html).parse().getTextContent();
                textChars += text == null ? 0 : text.length();
            }
            seconds += pass >= PASSES - MEASURED ? (threads.getCurrentThreadCpuTime() - start) / 1e9 : 0;
        }
        if (textChars == 0) {
            throw new IllegalStateException("the peer extracted no text");
        }
        System.out.printf("peer=readability4j-1.0.8 pages=%d pages_per_cpu_second=%.1f%n",
                bodies.size(), bodies.size() * MEASURED / seconds);
    }

    private static byte[] read(Path page) {
        try {
            return Files.readAllBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
