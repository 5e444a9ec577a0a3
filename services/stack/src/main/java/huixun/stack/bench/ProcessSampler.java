package huixun.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, read from the OS once a tick. A process counts its
 * descendants too, so PostgreSQL (one process per connection) is one row; its RSS sum counts shared buffers once
 * per backend and so overstates it.
 */
final class ProcessSampler {
    /** What one process used over the run. */
    record Usage(String name, Duration cpu, long peakRssKb, long lastRssKb) {
        double cpuSecondsPerSecond(Duration wall) {
            return cpu.toNanos() / (double) wall.toNanos();
        }
    }

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Duration> cpuAtStart = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRss = new ConcurrentHashMap<>();

    ProcessSampler(Map<String, Long> pids) {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(handle -> handles.put(name, handle)));
        this.processes = handles;
        processes.forEach((name, handle) -> cpuAtStart.put(name, cpu(handle)));
    }

    void sample() {
        processes.forEach((name, handle) -> {
            long rss = family(handle).mapToLong(ProcessSampler::rssKb).sum();
            lastRss.put(name, rss);
            peakRss.merge(name, rss, Math::max);
        });
    }

    List<Usage> usage() {
        return processes.entrySet().stream().map(e -> new Usage(e.getKey(),
                cpu(e.getValue()).minus(cpuAtStart.getOrDefault(e.getKey(), Duration.ZERO)),
                peakRss.getOrDefault(e.getKey(), 0L), lastRss.getOrDefault(e.getKey(), 0L))).toList();
    }

    private static Duration cpu(ProcessHandle handle) {
        return family(handle).map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Stream<ProcessHandle> family(ProcessHandle handle) {
        return Stream.concat(Stream.of(handle), handle.descendants());
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
