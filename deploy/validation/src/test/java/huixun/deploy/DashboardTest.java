package huixun.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric and label the Grafana dashboard queries is one the services export. What they export is recorded in
 * deploy/observability/exported-metrics.txt from the /q/metrics of a running stack with a real broker (Kafka client
 * metrics exist only then): {@code deploy/observability/record-metrics} writes it; docs/deploy.md says when.
 */
class DashboardTest {
    /** Labels Prometheus adds when it scrapes (target labels), and the histogram bucket label. */
    private static final Set<String> SCRAPE_LABELS = Set.of("namespace", "pod", "job", "instance", "le");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

    private final Path observability = SourceTree.deploy().resolve("observability");

    @Test
    void everyQueriedMetricAndLabelIsExported() throws IOException {
        Map<String, Set<String>> exported = exported();
        List<String> expressions = expressions();
        assertFalse(expressions.isEmpty());
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            Set<String> metrics = new HashSet<>();
            Set<String> labels = new HashSet<>();
            while (selector.find()) {
                metrics.add(selector.group(1));
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
            }
            assertFalse(metrics.isEmpty(), "no metric selector in " + expression);
            Matcher grouping = GROUPING.matcher(expression);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    labels.add(label.strip());
                }
            }
            labels.removeAll(SCRAPE_LABELS);
            for (String metric : metrics) {
                assertTrue(exported.containsKey(metric), metric + " is not exported by any service (" + expression
                        + ")");
                assertTrue(exported.get(metric).containsAll(labels), metric + " has labels " + exported.get(metric)
                        + ", the dashboard uses " + labels);
            }
        }
    }

    @Test
    void theRecordingCoversEveryService() throws IOException {
        Set<String> services = new HashSet<>();
        for (String line : recording()) {
            services.add(line.split(" ")[0]);
        }
        assertEquals(Set.copyOf(SourceTree.SERVICES), services);
    }

    private List<String> expressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(observability.resolve("huixun-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    /** Metric name to its label names, over all services. Lines: {@code <service> <metric> <label,label,...>}. */
    private Map<String, Set<String>> exported() throws IOException {
        Map<String, Set<String>> exported = new HashMap<>();
        for (String line : recording()) {
            String[] fields = line.split(" ");
            Set<String> labels = exported.computeIfAbsent(fields[1], name -> new HashSet<>());
            if (fields.length > 2) {
                labels.addAll(List.of(fields[2].split(",")));
            }
        }
        return exported;
    }

    private List<String> recording() throws IOException {
        return Files.readAllLines(observability.resolve("exported-metrics.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}
