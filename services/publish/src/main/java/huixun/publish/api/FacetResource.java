package huixun.publish.api;

import huixun.publish.store.ArticleRepository;
import huixun.publish.store.Facet;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The values the article list can be filtered by, with how many articles have each. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "facets")
public class FacetResource {
    private final ArticleRepository articles;

    public FacetResource(ArticleRepository articles) {
        this.articles = articles;
    }

    @GET
    @Path("topics")
    @WithSession
    @Operation(summary = "List topics", description = "Every topic label (IPTC Media Topic code and name) with the "
            + "number of articles carrying it, most frequent first; the code is the list's topic filter.")
    public Uni<List<Facet>> topics() {
        return articles.topics();
    }

    @GET
    @Path("regions")
    @WithSession
    @Operation(summary = "List regions", description = "Every region label (ISO 3166 code and name) with the "
            + "number of articles carrying it, most frequent first; the code is the list's region filter.")
    public Uni<List<Facet>> regions() {
        return articles.regions();
    }

    @GET
    @Path("people")
    @WithSession
    @Operation(summary = "List people", description = "Every person (or organisation, code prefixed org:) label "
            + "with the number of articles naming it, most frequent first; the code is the list's person filter.")
    public Uni<List<Facet>> people() {
        return articles.people();
    }

    @GET
    @Path("sources")
    @WithSession
    @Operation(summary = "List sources", description = "Every site (host of the article URL) with its number of "
            + "articles, most frequent first; the code is the list's source filter.")
    public Uni<List<Facet>> sources() {
        return articles.sources();
    }
}
