package huixun.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a load run into the benchmarks page as its own section (replacing an earlier run with the same label) and
 * draws its lag chart.
 */
final class LoadReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LoadReport() {
    }

    static void write(LoadOptions options, LoadResult result) {
        LagChart.write(options.chart(), "Consumer lag (messages), run " + options.label(), LoadBench.GROUPS,
                result.lag());
        String start = "<!-- load-bench " + options.label() + " start -->";
        String end = "<!-- load-bench " + options.label() + " end -->";
        String section = start + "\n" + markdown(options, result) + end + "\n";
        try {
            String page = Files.exists(options.report())
                    ? Files.readString(options.report(), StandardCharsets.UTF_8) : "# Benchmarks\n";
            int from = page.indexOf(start);
            int to = page.indexOf(end);
            String updated = from >= 0 && to > from
                    ? page.substring(0, from) + section + page.substring(to + end.length() + 1)
                    : page + (page.endsWith("\n") ? "\n" : "\n\n") + section;
            Files.writeString(options.report(), updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + options.report(), e);
        }
    }

    static String markdown(LoadOptions options, LoadResult r) {
        StringBuilder md = new StringBuilder();
        md.append("### End-to-end load, run `").append(options.label()).append("` (").append(WHEN.format(r.at()))
                .append(")\n\n");
        md.append(String.format(Locale.ROOT, "`./huixun bench %s --rate %s --batch %d --hosts %d "
                        + "--partitions %d --replicas %d --label %s` on %d cores, %d GiB; service JVMs `%s`. %d "
                        + "generated pages (%.1f MB served), %d accepted, %d finished in %.1f s (submitting took "
                        + "%.1f s).%n%n",
                options.soak() ? "--duration " + options.duration().toSeconds() : "--pages " + options.pages(),
                options.rate() == 0 ? "0" : Double.toString(options.rate()), options.batch(), options.hosts(), options.partitions(), options.replicas(), options.label(), Runtime.getRuntime().availableProcessors(),
                totalMemoryGib(), options.jvmOptions(), r.pages(), r.bytesServed() / 1e6, r.accepted(), r.finished(),
                r.wall().toMillis() / 1e3, r.submitting().toMillis() / 1e3));
        md.append(String.format(Locale.ROOT, "Throughput: **%.1f articles/s sustained** (10th to 90th percentile "
                        + "of publication times), %.1f articles/s over the whole run. Final statuses: %s%s.%n%n",
                r.throughput().get("sustained"), r.throughput().get("overall"), r.counts(),
                r.failures().isEmpty() ? "" : "; failures by reason " + r.failures()));
        md.append(latencyTable("latency (s)", r.latencies()));
        if (options.soak()) {
            md.append(String.format(Locale.ROOT, "%nAfter warm-up (submissions after the first %.0f %% of the run):"
                    + "%n%n", LoadBench.WARM_UP * 100))
                    .append(latencyTable("latency (s), steady", r.steadyLatencies()));
        }
        md.append("\n| process | CPU s | CPU cores (avg) | peak RSS MB | RSS after warm-up MB | RSS at end MB |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (ProcessSampler.Usage usage : r.processes()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %d | %d | %d |%n", usage.name(),
                    usage.cpu().toMillis() / 1e3, usage.cpuSecondsPerSecond(r.wall()), usage.peakRssKb() / 1024,
                    usage.warmRssKb() / 1024, usage.lastRssKb() / 1024));
        }
        md.append(String.format(Locale.ROOT, "%nAfter the last article: consumer lag %s; %s on the dead-letter "
                        + "topics.%n",
                r.lagDrained() == null ? "**still above zero two minutes later**"
                        : String.format(Locale.ROOT, "back to zero in %.1f s", r.lagDrained().toMillis() / 1e3),
                r.deadLettered() < 0 ? "unknown record count" : r.deadLettered() + " records"));
        if (options.soak()) {
            md.append(soakVerdict(SoakVerdict.of(r)));
        }
        Path chart = options.report().toAbsolutePath().getParent().relativize(options.chart().toAbsolutePath());
        md.append("\n![consumer lag, run ").append(options.label()).append("](").append(chart).append(")\n\n");
        return md.toString();
    }

    private static String latencyTable(String heading, Map<String, double[]> latencies) {
        StringBuilder md = new StringBuilder("| " + heading + " | p50 | p95 | p99 | max |\n"
                + "|---|---:|---:|---:|---:|\n");
        latencies.forEach((stage, v) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n",
                stage, v[0], v[1], v[2], v[3])));
        return md.toString();
    }

    private static String soakVerdict(SoakVerdict verdict) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "%nSoak verdict: **%s**. Every submission final: %s. No errors (FAILED %d, dead-lettered %d): %s. "
                        + "Lag back to zero: %s. Each service's RSS within ±%.0f %% of its after-warm-up reading: %s "
                        + "(largest distance: ",
                verdict.passed() ? "passed" : "failed", yes(verdict.allFinal()), verdict.failed(),
                verdict.deadLettered(), yes(verdict.errorFree()), yes(verdict.lagDrained()),
                SoakVerdict.RSS_TOLERANCE * 100, yes(verdict.rssSteady())));
        StringJoiner drift = new StringJoiner(", ", "", ").\n");
        verdict.rssDrift().forEach((name, d) -> drift.add(String.format(Locale.ROOT, "%s %.1f %%", name, d * 100)));
        return md.append(drift).toString();
    }

    private static String yes(boolean check) {
        return check ? "yes" : "**no**";
    }

    private static long totalMemoryGib() {
        try {
            return Files.lines(Path.of("/proc/meminfo")).filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024)).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
