package huixun.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes deploy/observability/exported-metrics.txt, which {@link DashboardTest} reads, from the /q/metrics of running
 * services. Not part of the normal build: it runs only when given their URLs, e.g. against {@code ./huixun up}:
 * {@code ./mvnw -B -o test -pl deploy/validation -Dtest=ExportedMetricsRecorder -Dhuixun.record-metrics=$TARGETS}
 * with {@code TARGETS=fetch=http://127.0.0.1:8081,normalise=http://127.0.0.1:8082,...} (every service, one argument).
 */
@EnabledIfSystemProperty(named = "huixun.record-metrics", matches = ".+")
class ExportedMetricsRecorder {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void record() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> lines = new ArrayList<>();
        lines.add("# <service> <metric> <labels>: /q/metrics of a running stack (./huixun up, real Kafka), "
                + LocalDate.now(ZoneOffset.UTC) + ".");
        lines.add("# Written by ExportedMetricsRecorder (see its Javadoc); read by DashboardTest.");
        for (String target : System.getProperty("huixun.record-metrics").split(",")) {
            String service = target.substring(0, target.indexOf('='));
            URI uri = URI.create(target.substring(target.indexOf('=') + 1) + "/q/metrics");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(uri + " answered " + response.statusCode());
            }
            Map<String, Set<String>> metrics = new TreeMap<>();
            for (String line : response.body().split("\n")) {
                // OpenMetrics exemplars (" # {trace_id=...} value") follow the sample; they are not its labels.
                Matcher sample = SAMPLE.matcher(line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Set<String> labels = metrics.computeIfAbsent(sample.group(1), name -> new TreeSet<>());
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.add(label.group(1));
                    }
                }
            }
            metrics.forEach((name, labels) -> lines.add((service + " " + name + " " + String.join(",", labels))
                    .strip()));
        }
        Files.write(SourceTree.deploy().resolve("observability/exported-metrics.txt"), lines);
    }
}
