import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two builds of the extractor timed against each other in one JVM, pass by pass in alternating order, so that the
 * neighbours' load on a shared machine falls on both alike: each build is loaded from its own class directory (say
 * the committed code compiled into another directory, and target/classes) with the module's dependencies. The pages
 * are decoded once; each pass extracts every page once per build (no base URL) and parses the whole page once with
 * jsoup alone (for reference: the extractor leaves stylesheets and scripts out), and the CPU time of this thread is
 * taken per pass. Reported: the median and the best
 * pass of the last two thirds, as pages per CPU-second of the extraction alone, and the median milliseconds per page
 * of each build and of parsing: the difference is the extraction's own work. Run with Java's source launcher; not
 * part of the build.
 *   usage: java -Xss4m InterleavedTiming.java CLASSES_A CLASSES_B PASSES DIRECTORY...
 *   (from services/normalise: the dependencies are read from target/extract.classpath)
 */
public final class InterleavedTiming {
    public static void main(String[] args) throws Exception {
        String dependencies = Files.readString(Path.of("target/extract.classpath")).strip();
        int passes = Integer.parseInt(args[2]);
        ClassLoader[] loaders = new ClassLoader[2];
        Object[] extractors = new Object[2];
        Method[] extract = new Method[2];
        for (int build = 0; build < 2; build++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[build]).toUri().toURL());
            for (String jar : dependencies.split(":")) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            loaders[build] = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loaders[build]); // the rules are read from it
            Class<?> loader = loaders[build].loadClass("huixun.normalise.boilerplate.BoilerplateRulesLoader");
            Object rules = loader.getMethod("fromClasspath", String.class)
                    .invoke(null, loader.getField("RESOURCE").get(null));
            Class<?> extractor = loaders[build].loadClass("huixun.normalise.extract.ArticleExtractor");
            extractors[build] = extractor.getConstructor(
                    loaders[build].loadClass("huixun.normalise.boilerplate.BoilerplateRules"), int.class, int.class)
                    .newInstance(rules, 2_000_000, 50); // the extract command's limits
            extract[build] = extractor.getMethod("extract", String.class, String.class);
        }
        Method decode = loaders[0].loadClass("huixun.pipeline.charset.CharsetDetector")
                .getMethod("decode", String.class, byte[].class);
        Method parser = loaders[0].loadClass("org.jsoup.parser.Parser").getMethod("htmlParser");
        Method parse = parser.getReturnType().getMethod("parseInput", String.class, String.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int set = 3; set < args.length; set++) {
            List<String> pages = new ArrayList<>();
            try (Stream<Path> files = Files.list(Path.of(args[set]))) {
                for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                    Object decoded = decode.invoke(null, null, Files.readAllBytes(page));
                    pages.add((String) decoded.getClass().getMethod("html").invoke(decoded));
                }
            }
            double[][] seconds = new double[3][passes]; // build A, build B, parsing alone
            for (int pass = 0; pass < passes; pass++) {
                long start = threads.getCurrentThreadCpuTime();
                for (String html : pages) {
                    parse.invoke(parser.invoke(null), html, "");
                }
                seconds[2][pass] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                for (int turn = 0; turn < 2; turn++) {
                    int build = (pass + turn) % 2; // A first on even passes, B first on odd ones
                    Thread.currentThread().setContextClassLoader(loaders[build]);
                    start = threads.getCurrentThreadCpuTime();
                    for (String html : pages) {
                        extract[build].invoke(extractors[build], html, null);
                    }
                    seconds[build][pass] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                }
            }
            StringBuilder line = new StringBuilder("interleaved set=" + args[set] + " pages=" + pages.size());
            for (int build = 0; build < 3; build++) {
                double[] timed = Arrays.copyOfRange(seconds[build], passes / 3, passes);
                Arrays.sort(timed);
                String name = new String[] {"a", "b", "parse"}[build];
                double median = timed[timed.length / 2];
                line.append(String.format(" %1$s_median_pages_per_cpu_second=%2$.1f %1$s_best=%3$.1f"
                        + " %1$s_median_ms_per_page=%4$.3f", name, pages.size() / median, pages.size() / timed[0],
                        1000 * median / pages.size()));
            }
            System.out.println(line);
        }
    }
}
