package huixun.publish.web;

import huixun.contracts.events.Label;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.api.ArticleLookup;
import huixun.publish.api.ArticlePage;
import huixun.publish.api.ArticleSummary;
import huixun.publish.api.FilterParameters;
import huixun.publish.api.SubmissionResource;
import huixun.publish.api.SubmissionView;
import huixun.publish.config.PublishConfig;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleContent;
import huixun.publish.store.ArticleDetails;
import huixun.publish.store.ArticleRepository;
import huixun.publish.web.ReaderViews.Active;
import huixun.publish.web.ReaderViews.Card;
import huixun.publish.web.ReaderViews.FacetGroup;
import huixun.publish.web.ReaderViews.Step;
import huixun.publish.web.ReaderViews.LabelLink;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web reader: server-rendered pages (Qute, every value escaped) that work without JavaScript. Parameters are
 * validated exactly as the JSON API validates them; a problem is shown as an HTML page with its status.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "web reader")
public class ReaderResource {
    private static final int FACET_LINKS = 12;
    private static final String ORIGINAL = "original";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(String heading, List<Card> cards, List<FacetGroup> facets,
                                            List<Active> filters, String q, long total, String older, String newest);

        static native TemplateInstance article(Article article, ArticleDetails details, String lang, String bodyHtml,
                                               List<String> paragraphs, boolean traditional, boolean original,
                                               String published, String publishedIso, String modified,
                                               List<LabelLink> topics, List<LabelLink> regions, List<LabelLink> people,
                                               List<LabelLink> organisations, List<Card> duplicates,
                                               String sourceHref);

        static native TemplateInstance submission(SubmissionView submission, List<Step> steps);

        static native TemplateInstance submit(String url, String message);

        static native TemplateInstance error(int status, String title, String detail);
    }

    private final ArticleLookup lookup;
    private final ArticleRepository articles;
    private final SubmissionResource submissions;
    private final FetchSubmissions fetch;
    private final PublishConfig.Web config;

    public ReaderResource(ArticleLookup lookup, ArticleRepository articles, SubmissionResource submissions,
                          FetchSubmissions fetch, PublishConfig config) {
        this.lookup = lookup;
        this.articles = articles;
        this.submissions = submissions;
        this.fetch = fetch;
        this.config = config.web();
    }

    @GET
    @WithSession
    @Operation(summary = "Reader: home", description = "The latest articles with facets, search and paging (HTML).")
    public Uni<TemplateInstance> home(@BeanParam FilterParameters filters, @RestQuery String cursor) {
        Map<String, String> current = active(filters);
        return lookup.page(filters, null, "20", cursor).chain(page -> articles.topics()
                .chain(topics -> articles.regions()
                        .chain(regions -> articles.sources().map(sources -> home(page, current, filters.q, List.of(
                                new FacetGroup("topics", "Topics",
                                        ReaderViews.facet("topic", topics, current, FACET_LINKS)),
                                new FacetGroup("regions", "Regions",
                                        ReaderViews.facet("region", regions, current, FACET_LINKS)),
                                new FacetGroup("sources", "Sources",
                                        ReaderViews.facet("source", sources, current, FACET_LINKS))),
                                cursor != null)))));
    }

    @GET
    @Path("articles/{id}")
    @WithSession
    @Operation(summary = "Reader: article", description = "One article (HTML); ?script=original shows a Traditional "
            + "Chinese article in its own script.")
    public Uni<TemplateInstance> article(@RestPath String id, @RestQuery String script) {
        if (script != null && !script.equals(ORIGINAL)) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                    "script must be original or absent, not '" + (script.length() > 20 ? script.substring(0, 20)
                            : script) + "'");
        }
        return lookup.one(id).chain(article -> articles.cluster(article, ArticleSummary.class).map(cluster -> {
            ArticleDetails d = article.details();
            ArticleContent content = article.content();
            boolean traditional = "Hant".equals(d.script()) && d.textOriginal() != null;
            boolean original = traditional && ORIGINAL.equals(script);
            // A Traditional page's stored title and body are Simplified (normalise converted them); only the
            // original view is in the page's own script.
            String lang = language(content.language(), traditional && !original ? "Hans" : d.script());
            String when = ReaderViews.when(content.publishedAt());
            return Templates.article(article, d, lang, original ? "" : ReaderHtml.body(content.html()),
                    original ? ReaderHtml.paragraphs(d.textOriginal()) : List.of(), traditional, original, when,
                    ReaderViews.iso(content.publishedAt()), ReaderViews.when(d.modifiedAt()),
                    tags("topic", content.topics()), tags("region", content.regions()),
                    tags("person", d.people().stream().filter(p -> !isOrganisation(p)).toList()),
                    tags("person", d.people().stream().filter(ReaderResource::isOrganisation).toList()),
                    cluster.stream().map(Card::of).toList(),
                    article.source() == null ? null : ReaderViews.href("/", Map.of("source", article.source())));
        }));
    }

    @GET
    @Path("submissions/{submissionId}")
    @WithSession
    @Operation(summary = "Reader: submission status", description = "Every stage a submission passed (HTML).")
    public Uni<TemplateInstance> submission(@RestPath String submissionId) {
        return submissions.find(submissionId).map(view -> Templates.submission(view, view.timeline().stream()
                .map(e -> new Step(e.status().name(), e.stage(), ReaderViews.when(e.at()), ReaderViews.iso(e.at()),
                        e.reason(), e.detail(), e.traceId()))
                .toList()));
    }

    @GET
    @Path("submit")
    @Operation(summary = "Reader: submit form", description = "A form to submit a news URL (HTML); outside the "
            + "local and test profiles it asks for fetch's API token (HTTP Basic password).")
    public Response submitForm(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!SubmitAccess.allowed(authorization, config)) {
            return unauthorised();
        }
        return Response.ok(Templates.submit("", null)).build();
    }

    @POST
    @Path("submit")
    @Operation(summary = "Reader: submit a URL", description = "Forwards the URL to fetch's submission API with the "
            + "configured token, then redirects to the submission's status page.")
    public Uni<Response> submit(@RestForm String url, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                @RestHeader("Sec-Fetch-Site") String fetchSite) {
        if (!SubmitAccess.allowed(authorization, config)) {
            return Uni.createFrom().item(unauthorised());
        }
        if (!SubmitAccess.sameSite(fetchSite)) {
            return Uni.createFrom().item(Response.status(403)
                    .entity(Templates.error(403, "Forbidden", "Submit from this site's own form.")).build());
        }
        String given = url == null ? "" : url.strip();
        if (given.isEmpty()) {
            return Uni.createFrom().item(Response.status(400)
                    .entity(Templates.submit("", "Enter the address of a news article.")).build());
        }
        return fetch.submit(given).map(outcome -> outcome.accepted()
                ? Response.seeOther(URI.create("/submissions/" + outcome.submissionId())).build()
                : Response.status(400).entity(Templates.submit(given, outcome.message())).build());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem.status(), problem.title(), problem.getMessage()))
                .build();
    }

    private static Response unauthorised() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Huixun submissions\", charset=\"UTF-8\"")
                .entity(Templates.error(401, "Sign-in needed", "Submitting needs the submission token."))
                .build();
    }

    private static TemplateInstance home(ArticlePage page, Map<String, String> current, String q,
                                         List<FacetGroup> facets, boolean paged) {
        String older = null;
        if (page.next() != null) {
            Map<String, String> next = new LinkedHashMap<>(current);
            next.put("cursor", page.next());
            older = ReaderViews.href("/", next);
        }
        String heading = current.isEmpty() ? "Latest articles" : "Articles";
        return Templates.home(heading, page.items().stream().map(Card::of).toList(), facets,
                current.entrySet().stream().map(e -> new Active(e.getKey(), e.getValue())).toList(),
                q == null ? "" : q, page.total(), older, paged ? ReaderViews.href("/", current) : null);
    }

    private static Map<String, String> active(FilterParameters p) {
        Map<String, String> current = new LinkedHashMap<>();
        current.put("topic", p.topic);
        current.put("region", p.region);
        current.put("person", p.person);
        current.put("source", p.source);
        current.put("lang", p.lang);
        current.put("script", p.script);
        current.put("from", p.from);
        current.put("to", p.to);
        current.put("q", p.q);
        current.put("includeDuplicates", p.includeDuplicates);
        current.values().removeIf(value -> value == null || value.isEmpty());
        return current;
    }

    /** classify lists organisations with the people, their codes prefixed {@code org:} (docs/api.md). */
    private static boolean isOrganisation(Label label) {
        return label.code() != null && label.code().startsWith("org:");
    }

    private static List<LabelLink> tags(String filter, List<Label> labels) {
        return labels.stream().map(label -> new LabelLink(ReaderViews.href("/", Map.of(filter, label.code())),
                label.name() != null && !label.name().isBlank() ? label.name() : label.code())).toList();
    }

    // The page's language for the browser's font choice: zh-Hans and zh-Hant pick different CJK fonts.
    private static String language(String language, String script) {
        if (language == null) {
            return "und";
        }
        return language.equals("zh") && script != null ? "zh-" + script : language;
    }
}
