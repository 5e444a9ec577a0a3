package huixun.publish.web;

import huixun.publish.api.ArticleSummary;
import huixun.publish.store.Facet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** What the reader's templates show, prepared here so the templates only print (Qute escapes every value). */
public final class ReaderViews {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReaderViews() {
    }

    /** An article in a list. */
    public record Card(String href, String title, String source, String when, String whenIso, String language,
                String status, boolean published) {
        static Card of(ArticleSummary summary) {
            Instant at = summary.publishedAt() != null ? summary.publishedAt() : summary.createdAt();
            String title = summary.title() != null && !summary.title().isBlank() ? summary.title() : summary.url();
            return new Card("/articles/" + summary.id(), title, summary.source(), ReaderViews.when(at), iso(at),
                    summary.language(), summary.status() == null ? null : summary.status().name(),
                    summary.status() != null && summary.status().name().equals("PUBLISHED"));
        }
    }

    /** A link that narrows or widens the list; {@code current} when it is the filter in force. */
    public record Link(String href, String label, String count, boolean current) {
    }

    /** One facet's links under its heading; {@code id} names the heading for the landmark's label. */
    public record FacetGroup(String id, String heading, List<Link> links) {
    }

    /** A filter in force on the list. */
    public record Active(String name, String value) {
    }

    /** A label of the article: a link to the list of articles with it. */
    public record LabelLink(String href, String label) {
    }

    /** One row of a submission's timeline. */
    public record Step(String status, String stage, String when, String whenIso, String reason, String detail,
                String traceId) {
    }

    static String when(Instant at) {
        return at == null ? null : WHEN.format(at);
    }

    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    /** Facet values as links that set {@code name} on the current filters (or clear it when already set). */
    static List<Link> facet(String name, List<Facet> facets, Map<String, String> current, int limit) {
        return facets.stream().limit(limit).map(facet -> {
            boolean active = facet.code().equals(current.get(name));
            Map<String, String> next = new LinkedHashMap<>(current);
            if (active) {
                next.remove(name);
            } else {
                next.put(name, facet.code());
            }
            String label = facet.name() != null && !facet.name().isBlank() ? facet.name() : facet.code();
            return new Link(href("/", next), label, String.valueOf(facet.count()), active);
        }).toList();
    }

    /** {@code path} with the non-null parameters as a query string. */
    static String href(String path, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return path + query;
    }
}
