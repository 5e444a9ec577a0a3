package huixun.stack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import huixun.stack.service.ServiceProcess;

/**
 * The load benchmark's settings, from {@code --name value} arguments.
 *
 * @param repo       the repository (service jars, sample pages, docs)
 * @param pages      distinct generated pages, each submitted once
 * @param rate       submissions per second; 0 submits as fast as the API accepts
 * @param duration   for a soak, how long to submit at {@code rate} ({@code pages} is then rate × duration);
 *                   zero for a plain load run
 * @param batch      URLs per batch request
 * @param hosts      loopback addresses the pages are spread over (127.0.0.2, 127.0.0.3, …): fetch works on one page
 *                   per host at a time, as politeness asks, so one host would measure that rule and not the pipeline
 * @param partitions partitions of every topic
 * @param replicas   processes of normalise and of classify (the same consumer group)
 * @param jvmOptions options of each service JVM
 * @param timeout    how long to wait for every article to finish
 * @param label      names the run in the report (its section is replaced when the same label runs again)
 * @param report     the Markdown file the report section goes into
 * @param chart      the PNG of consumer lag over time
 */
public record LoadOptions(Path repo, int pages, double rate, Duration duration, int batch, int hosts, int partitions,
                          int replicas, String jvmOptions, Duration timeout, String label, Path report, Path chart) {
    /** The local stack's service options, so the benchmark measures what {@code ./huixun up} runs. */
    public static final String DEFAULT_JVM_OPTIONS = String.join(" ", ServiceProcess.Config.DEFAULT_JVM_OPTIONS);

    public LoadOptions {
        if (pages < 1 || batch < 1 || batch > 1000 || hosts < 1 || hosts > 200 || partitions < 1 || replicas < 1
                || rate < 0) {
            throw new IllegalArgumentException("pages, partitions and replicas must be at least 1, batch 1 to 1000, "
                    + "hosts 1 to 200, rate 0 or more");
        }
        if (duration.isNegative() || !duration.isZero() && rate == 0) {
            throw new IllegalArgumentException("a soak (--duration) needs a positive --rate");
        }
    }

    boolean soak() {
        return !duration.isZero();
    }

    static LoadOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Arguments come as --name value pairs: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        Path repo = Path.of(values.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        int partitions = Integer.parseInt(values.getOrDefault("partitions", "3"));
        int replicas = Integer.parseInt(values.getOrDefault("replicas", "1"));
        String label = values.getOrDefault("label", partitions + "p-" + replicas + "r");
        double rate = Double.parseDouble(values.getOrDefault("rate", "0"));
        Duration duration = Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "0")));
        int pages = duration.isZero() ? Integer.parseInt(values.getOrDefault("pages", "5000"))
                : (int) Math.ceil(rate * duration.toSeconds());
        // A soak submits small batches ten times a second, so the load is steady rather than a burst every few seconds.
        String batch = values.getOrDefault("batch",
                duration.isZero() ? "200" : Long.toString(Math.max(1, Math.round(rate / 10))));
        return new LoadOptions(repo, pages, rate, duration, Integer.parseInt(batch),
                Integer.parseInt(values.getOrDefault("hosts", "64")), partitions, replicas,
                values.getOrDefault("jvm-opts", DEFAULT_JVM_OPTIONS),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("timeout", "900"))), label,
                repo.resolve(values.getOrDefault("report", "docs/benchmarks.md")),
                repo.resolve(values.getOrDefault("chart", "docs/img/load-lag-" + label + ".png")));
    }
}
