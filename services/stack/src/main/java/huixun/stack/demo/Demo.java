package huixun.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import huixun.stack.site.SamplePage;
import huixun.stack.site.SampleSite;

/**
 * Walks every sample page through the running pipeline: submits it to fetch, then polls publish until the article
 * is PUBLISHED or FAILED, and prints one row per page. Proves the suite works end to end on this machine.
 */
public final class Demo {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    // REFUSED: fetch did not accept the submission, so there is nothing to wait for.
    private static final Set<String> FINAL = Set.of("PUBLISHED", "FAILED", "REFUSED");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int TITLE_COLUMNS = 44;

    private final String fetchUrl;
    private final String publishUrl;
    private final String siteUrl;
    private final PrintStream out;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param fetchUrl   base URL of fetch ({@code http://127.0.0.1:8081})
     * @param publishUrl base URL of publish
     * @param siteUrl    base URL of the sample site
     */
    public Demo(String fetchUrl, String publishUrl, String siteUrl, PrintStream out, Duration timeout) {
        this.fetchUrl = fetchUrl;
        this.publishUrl = publishUrl;
        this.siteUrl = siteUrl;
        this.out = out;
        this.timeout = timeout;
    }

    /** One submitted page and what publish last said about it. */
    public record Outcome(SamplePage page, String url, String id, String status, String reason, String topic,
                          String region, String title) {
        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    /** Runs the demo; true when every page ended PUBLISHED. */
    public boolean run(List<SamplePage> pages) throws InterruptedException {
        if (pages.isEmpty()) {
            out.println("demo: no sample pages (samples/site/index.tsv lists none)");
            return false;
        }
        long begin = System.nanoTime();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (SamplePage page : pages) {
            Outcome submitted = submit(page);
            outcomes.put(submitted.id() == null ? page.path() : submitted.id(), submitted);
        }
        long deadline = begin + timeout.toNanos();
        while (outcomes.values().stream().anyMatch(o -> !FINAL.contains(o.status())) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
                if (!FINAL.contains(entry.getValue().status())) {
                    entry.setValue(poll(entry.getValue()));
                }
            }
        }
        List<Outcome> results = new ArrayList<>(outcomes.values());
        print(results, Duration.ofNanos(System.nanoTime() - begin));
        return results.stream().allMatch(Outcome::published);
    }

    private Outcome submit(SamplePage page) throws InterruptedException {
        String url = SampleSite.url(siteUrl, page);
        ObjectNode body = json.createObjectNode().put("url", url);
        HttpRequest request = HttpRequest.newBuilder(URI.create(fetchUrl + "/api/v1/submissions"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 202) {
                return new Outcome(page, url, null, "REFUSED", "http_" + response.statusCode(), null, null,
                        text(answer, "detail"));
            }
            return new Outcome(page, url, text(answer, "id"), text(answer, "status"), null, null, null, null);
        } catch (IOException e) {
            return new Outcome(page, url, null, "REFUSED", e.getClass().getSimpleName(), null, null, e.getMessage());
        }
    }

    private Outcome poll(Outcome last) throws InterruptedException {
        if (last.id() == null) {
            return last;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(publishUrl + "/api/v1/articles/" + last.id()))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                // publish has not seen the article yet.
                return last;
            }
            JsonNode article = json.readTree(response.body());
            if (response.statusCode() != 200) {
                return new Outcome(last.page(), last.url(), last.id(), last.status(), "http_" + response.statusCode(),
                        null, null, text(article, "detail"));
            }
            return new Outcome(last.page(), last.url(), last.id(), text(article, "status"), text(article, "reason"),
                    topLabel(article.get("topics")), topLabel(article.get("regions")), text(article, "title"));
        } catch (IOException e) {
            return last;
        }
    }

    private void print(List<Outcome> results, Duration took) {
        out.println(row("id", "status", "topic", "region", "title"));
        for (Outcome o : results) {
            String title = o.title() != null ? o.title() : "(" + o.page().path() + ")";
            String status = o.status() == null ? "?" : o.status();
            if (o.reason() != null) {
                status = status + " " + o.reason();
            }
            out.println(row(o.id() == null ? "-" : o.id(), status, dash(o.topic()), dash(o.region()), clip(title)));
        }
        long published = results.stream().filter(Outcome::published).count();
        out.printf("demo: %d of %d pages published in %.1f s%n", published, results.size(), took.toMillis() / 1000.0);
    }

    private static String row(String id, String status, String topic, String region, String title) {
        return pad(id, 16) + "  " + pad(status, 20) + "  " + pad(topic, 24) + "  " + pad(region, 16) + "  " + title;
    }

    /** Pads to a terminal width; printf's widths count a CJK character as one column where terminals use two. */
    static String pad(String text, int columns) {
        int width = text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
        return width >= columns ? text : text + " ".repeat(columns - width);
    }

    private static String topLabel(JsonNode labels) {
        if (labels == null || !labels.isArray() || labels.isEmpty()) {
            return null;
        }
        JsonNode top = labels.get(0);
        String code = text(top, "code");
        String name = text(top, "name");
        return name == null ? code : code + " " + name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** Cuts a title to a terminal width, counting CJK characters as two columns. */
    static String clip(String title) {
        StringBuilder clipped = new StringBuilder();
        int columns = 0;
        for (int i = 0; i < title.length(); ) {
            int codePoint = title.codePointAt(i);
            int width = wide(codePoint) ? 2 : 1;
            if (columns + width > TITLE_COLUMNS) {
                return clipped.append('…').toString();
            }
            clipped.appendCodePoint(codePoint);
            columns += width;
            i += Character.charCount(codePoint);
        }
        return clipped.toString();
    }

    private static boolean wide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60);
    }
}
