package huixun.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, read from the OS once a tick. PostgreSQL counts its
 * backends too (one process per connection), so it is one row; that RSS sum counts shared buffers once per backend
 * and so overstates it. Every other process counts alone (the services are the benchmark's own children).
 */
final class ProcessSampler {
    /**
     * What one process used over the run.
     *
     * @param warmRssKb RSS when a fifth of the run had passed (after warm-up), to compare the rest with for a soak
     * @param rssDrift  the largest relative distance of a later reading from {@code warmRssKb} (0.1 = 10 %)
     */
    record Usage(String name, Duration cpu, long peakRssKb, long warmRssKb, long lastRssKb, double rssDrift) {
        double cpuSecondsPerSecond(Duration wall) {
            return cpu.toNanos() / (double) wall.toNanos();
        }
    }

    private final Map<String, ProcessHandle> processes;
    private final Set<String> families;
    private final Map<String, Duration> cpuAtStart = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRss = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> rssSeries = new ConcurrentHashMap<>();

    /** @param families the names whose descendants count with them */
    ProcessSampler(Map<String, Long> pids, Set<String> families) {
        this.families = Set.copyOf(families);
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(handle -> handles.put(name, handle)));
        this.processes = handles;
        processes.forEach((name, handle) -> cpuAtStart.put(name, cpu(name, handle)));
    }

    void sample() {
        processes.forEach((name, handle) -> {
            long rss = members(name, handle).mapToLong(ProcessSampler::rssKb).sum();
            lastRss.put(name, rss);
            peakRss.merge(name, rss, Math::max);
            rssSeries.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(rss);
        });
    }

    List<Usage> usage() {
        return processes.entrySet().stream().map(e -> {
            List<Long> series = rssSeries.getOrDefault(e.getKey(), List.of());
            long warm = series.isEmpty() ? 0 : series.get(series.size() / 5);
            double drift = warm == 0 ? 0 : series.subList(series.size() / 5, series.size()).stream()
                    .mapToDouble(rss -> Math.abs(rss - warm) / (double) warm).max().orElse(0);
            return new Usage(e.getKey(), cpu(e.getKey(), e.getValue()).minus(cpuAtStart.getOrDefault(e.getKey(), Duration.ZERO)),
                    peakRss.getOrDefault(e.getKey(), 0L), warm, lastRss.getOrDefault(e.getKey(), 0L), drift);
        }).toList();
    }

    private Duration cpu(String name, ProcessHandle handle) {
        return members(name, handle).map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private Stream<ProcessHandle> members(String name, ProcessHandle handle) {
        return families.contains(name) ? Stream.concat(Stream.of(handle), handle.descendants()) : Stream.of(handle);
    }

    /** VmRSS from /proc; 0 when the process is gone or the OS has no /proc. */
    private static long rssKb(ProcessHandle handle) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0L;
        }
    }
}
