package huixun.publish.stream;

import huixun.contracts.Problem;
import huixun.publish.api.ArticleSummary;
import huixun.publish.api.FilterParameters;
import huixun.publish.api.ListRequest;
import huixun.publish.search.ArticleFilter;
import huixun.publish.store.ArticleRepository;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;
import java.util.function.Supplier;

/** Newly published articles as Server-Sent Events, filtered like the list. */
@Path("/api/v1/stream")
@Tag(name = "articles")
public class StreamResource {
    private final PublishedArticles published;
    private final ArticleRepository articles;
    private final Vertx vertx;

    public StreamResource(PublishedArticles published, ArticleRepository articles, Vertx vertx) {
        this.published = published;
        this.articles = articles;
        this.vertx = vertx;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stream newly published articles",
            description = "Server-Sent Events: one event per article whose content publish stores from now on (a "
                    + "first publication or a new version) that passes the filters, which are those of the list; "
                    + "the data is the article's summary as JSON. Nothing is replayed: catch up with the list.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = ArticleSummary.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed (/problems/invalid-parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<ArticleSummary> stream(@BeanParam FilterParameters filters) {
        ArticleFilter filter = ListRequest.filter(filters);
        return published.fromNow().onItem().transformToUniAndConcatenate(id -> inStore(() -> articles.matches(id,
                        filter).chain(matches -> matches
                        ? articles.inOrder(List.of(id), ArticleSummary.class, ArticleSummary::id)
                        : Uni.createFrom().item(List.<ArticleSummary>of()))))
                .onItem().transformToIterable(found -> found);
    }

    // The announcement arrives on the consumer's context; each look-up gets a fresh duplicated context of its own,
    // so its session is neither the consumer's nor another subscriber's.
    private <T> Uni<T> inStore(Supplier<Uni<? extends T>> lookup) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        return Uni.createFrom().<T>deferred(lookup)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
