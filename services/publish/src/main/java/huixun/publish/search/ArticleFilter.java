package huixun.publish.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What {@code GET /api/v1/articles} narrows the list to; each field null when not asked for. Values arrive
 * validated (see {@code huixun.publish.api.ListRequest}), so the codes built into JSON below need no escaping.
 *
 * @param topic    an IPTC Media Topic code any of the article's topic labels has
 * @param region   an ISO 3166 code any of its region labels has
 * @param source   the host of its URL
 * @param language its language tag
 * @param from     published at or after
 * @param to       published before
 * @param query    full-text query
 * @param person   a code any of its people labels has
 * @param script   the ISO 15924 script of its page (Hans, Hant)
 * @param includeDuplicates whether articles classify found to duplicate an earlier one are let through
 */
public record ArticleFilter(String topic, String region, String source, String language, Instant from, Instant to,
                            String query, String person, String script, boolean includeDuplicates) {
    public static final ArticleFilter NONE = new ArticleFilter(null, null, null, null, null, null, null, null, null,
            false);

    /**
     * The filter as a SQL condition over table {@code article} (always true when nothing is asked for), with its
     * named parameters.
     */
    public Sql toSql() {
        StringJoiner where = new StringJoiner(" AND ");
        where.add("TRUE");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (topic != null) {
            where.add("topics @> cast(cast(:topic as text) as jsonb)");
            parameters.put("topic", "[{\"code\":\"" + topic + "\"}]");
        }
        if (region != null) {
            where.add("regions @> cast(cast(:region as text) as jsonb)");
            parameters.put("region", "[{\"code\":\"" + region + "\"}]");
        }
        if (person != null) {
            // Built by PostgreSQL from the bound value, so any code is safe inside the JSON.
            where.add("people @> jsonb_build_array(jsonb_build_object('code', cast(:person as text)))");
            parameters.put("person", person);
        }
        if (script != null) {
            where.add("script = :script");
            parameters.put("script", script);
        }
        if (!includeDuplicates) {
            where.add("duplicate_of IS NULL");
        }
        if (source != null) {
            where.add("source = :source");
            parameters.put("source", source);
        }
        if (language != null) {
            where.add("language = :language");
            parameters.put("language", language);
        }
        if (from != null) {
            where.add("published_at >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.add("published_at < :to");
            parameters.put("to", to);
        }
        if (query != null) {
            SearchText.Split split = SearchText.forQuery(query);
            if (!split.latin().isBlank()) {
                where.add("search @@ plainto_tsquery('english', :latinQuery)");
                parameters.put("latinQuery", split.latin());
            }
            if (!split.cjk().isEmpty()) {
                // The lexemes are CJK characters only, so quoting them cannot break out of the tsquery syntax.
                StringJoiner all = new StringJoiner(" & ");
                split.cjk().forEach(lexeme -> all.add("'" + lexeme + "'"));
                where.add("search @@ cast(:cjkQuery as tsquery)");
                parameters.put("cjkQuery", all.toString());
            }
        }
        return new Sql(where.toString(), parameters);
    }

    /** A SQL condition and the values of its named parameters. */
    public record Sql(String condition, Map<String, Object> parameters) {
    }
}
