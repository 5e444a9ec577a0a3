package huixun.publish.api;

import huixun.contracts.ArticleId;
import huixun.contracts.Problem;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.store.ArticleRepository;
import huixun.publish.store.StatusEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Published articles and where each submission stands. Errors are {@code application/problem+json}. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {
    static final int MAX_SIZE = 100;

    private final ArticleRepository articles;
    private final StatusEntryRepository timeline;

    public ArticleResource(ArticleRepository articles, StatusEntryRepository timeline) {
        this.articles = articles;
        this.timeline = timeline;
    }

    @GET
    @WithSession
    @Operation(summary = "List articles",
            description = "Every article publish knows of, newest first (by when publish first heard of it), in any "
                    + "status: submissions still in progress and failed ones are listed too.")
    @APIResponse(responseCode = "200", description = "One page of article summaries")
    @APIResponse(responseCode = "400", description = "page or size is not a whole number, or page is negative, or "
            + "size is outside 1..100 (/problems/invalid-parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ArticlePage> list(
            @Parameter(description = "Zero-based page number",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @RestQuery @DefaultValue("0") String page,
            @Parameter(description = "Articles per page, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @RestQuery @DefaultValue("20") String size) {
        // Parsed here rather than bound as int: JAX-RS answers an unparsable query parameter with 404.
        int pageNumber = parameter("page", page, 0, Integer.MAX_VALUE);
        int pageSize = parameter("size", size, 1, MAX_SIZE);
        if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw invalidParameter("page " + pageNumber + " is beyond the last possible page");
        }
        return articles.newestFirst(pageNumber, pageSize, ArticleSummary.class)
                .chain(items -> articles.count().map(total -> new ArticlePage(items, pageNumber, pageSize, total)));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Get an article",
            description = "The article's content, labels and status, with the timeline of every status its "
                    + "submissions reached.")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "400", description = "Not an article id: 16 lower-case hex digits "
            + "(/problems/invalid-article-id)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No article with that id (/problems/article-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ArticleView> get(@Parameter(description = "The article id, as the submission API returned it")
                                @RestPath String id) {
        if (!ArticleId.isValid(id)) {
            throw ProblemException.badRequest("invalid-article-id", "Invalid article id",
                    "An article id is 16 lower-case hexadecimal digits.");
        }
        return articles.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("article-not-found", "Article not found",
                        "No article has the id " + id + "."))
                .chain(article -> timeline.timeline(id).map(entries -> ArticleView.of(article, entries)));
    }

    private static int parameter(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalidParameter(name + " must be a whole number, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw invalidParameter(name + " must be " + (max == Integer.MAX_VALUE ? min + " or more"
                    : "between " + min + " and " + max) + ", not " + parsed);
        }
        return parsed;
    }

    private static ProblemException invalidParameter(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid parameter", detail);
    }
}
