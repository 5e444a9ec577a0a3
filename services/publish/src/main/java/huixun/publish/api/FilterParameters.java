package huixun.publish.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/**
 * The filter query parameters shared by the article list, the event stream and the web reader's home page, as
 * sent (strings: {@link ListRequest#filter} validates them, so a bad value is a 400 naming it, not a 404).
 */
public class FilterParameters {
    @Parameter(description = "IPTC Media Topic code any topic label has", example = "04000000")
    @RestQuery
    public String topic;
    @Parameter(description = "ISO 3166 code any region label has", example = "CN-GD")
    @RestQuery
    public String region;
    @Parameter(description = "Code of a person (or organisation) label the article has", example = "习近平")
    @RestQuery
    public String person;
    @Parameter(description = "Host of the article URL", example = "www.guancha.cn")
    @RestQuery
    public String source;
    @Parameter(description = "Language tag", example = "zh")
    @RestQuery
    public String lang;
    @Parameter(description = "ISO 15924 script of a Chinese article's page: Hans or Hant", example = "Hant")
    @RestQuery
    public String script;
    @Parameter(description = "Published at or after: a date (UTC day start) or an ISO-8601 instant",
            example = "2021-08-01")
    @RestQuery
    public String from;
    @Parameter(description = "Published before: a date (through its end, UTC) or an ISO-8601 instant",
            example = "2021-08-31")
    @RestQuery
    public String to;
    @Parameter(description = "Full-text query, Chinese or English, at most 200 characters; all words must match",
            example = "疫情防控")
    @RestQuery
    public String q;
    @Parameter(description = "true to list articles classify found to duplicate an earlier one (hidden by default)",
            example = "true")
    @RestQuery
    public String includeDuplicates;

    /** Parameters given by name, as a feed's path or a test names them; unknown names are ignored. */
    public static FilterParameters of(Map<String, String> values) {
        FilterParameters parameters = new FilterParameters();
        parameters.topic = values.get("topic");
        parameters.region = values.get("region");
        parameters.person = values.get("person");
        parameters.source = values.get("source");
        parameters.lang = values.get("lang");
        parameters.script = values.get("script");
        parameters.from = values.get("from");
        parameters.to = values.get("to");
        parameters.q = values.get("q");
        parameters.includeDuplicates = values.get("includeDuplicates");
        return parameters;
    }
}
