package huixun.fetch.feed;

import huixun.contracts.Problem;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.submission.UrlCanonicaliser;
import huixun.fetch.url.InvalidUrlException;
import huixun.pipeline.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Feed and sitemap subscriptions: {@code POST /api/v1/feeds} subscribes (polled at once, then every interval),
 * {@code GET /api/v1/feeds} lists, {@code GET}/{@code DELETE /api/v1/feeds/{id}} shows or unsubscribes.
 */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
    /** group, source, feed: the front matter's categories. */
    static final int MAX_CATEGORIES = 3;
    private static final int MAX_CATEGORY_LENGTH = 200;

    private final FetchConfig.Feeds config;

    public FeedResource(FetchConfig config) {
        this.config = config.feeds();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to a feed or sitemap",
            description = "RSS 0.9x/1.0/2.0, Atom, JSON Feed or a (news) sitemap. Polled at once, then every "
                    + "intervalSeconds with a conditional GET; only items not seen before are submitted, with the "
                    + "feed's title and the categories as their origin.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = FeedResponse.class)))
    @APIResponse(responseCode = "200", description = "Already subscribed: the existing subscription, unchanged",
            content = @Content(schema = @Schema(implementation = FeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid URL, interval or categories",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<FeedResponse>> subscribe(FeedRequest request) {
        Feed feed = validated(request);
        return Panache.withTransaction(() -> Feed.<Feed>find("url", feed.url).firstResult()
                        .flatMap(existing -> existing != null
                                ? Uni.createFrom().item(RestResponse.<FeedResponse>ok(response(existing)))
                                : feed.<Feed>persist().map(saved -> {
                                    Log.infof("feed=%s url=%s outcome=subscribed interval_s=%d", saved.id, saved.url,
                                            saved.intervalSeconds);
                                    return RestResponse.ResponseBuilder.<FeedResponse>created(
                                            URI.create("/api/v1/feeds/" + saved.id)).entity(response(saved)).build();
                                })))
                // Two first subscriptions of one URL at once: the loser's insert breaks the unique URL; it gets the
                // winner's subscription, as a later subscriber would (read in a new session: that one has failed).
                .onFailure(FeedResource::isDuplicateUrl).recoverWithUni(() -> Panache.withSession(() ->
                        Feed.<Feed>find("url", feed.url).firstResult()
                                .map(existing -> RestResponse.<FeedResponse>ok(response(existing)))));
    }

    /** PostgreSQL's unique_violation (SQLSTATE 23505), however the client and Hibernate wrap it. */
    private static boolean isDuplicateUrl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("23505") || message.contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }

    @GET
    @WithSession
    @Operation(summary = "List subscriptions", description = "Oldest first.")
    public Uni<List<FeedResponse>> list() {
        return Feed.<Feed>find("order by createdAt, id").list()
                .map(feeds -> feeds.stream().map(this::response).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "Show a subscription")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FeedResponse> get(@PathParam("id") String id) {
        return Feed.<Feed>findById(feedId(id))
                .map(feed -> {
                    if (feed == null) {
                        throw notFound(id);
                    }
                    return response(feed);
                });
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    @Operation(summary = "Unsubscribe", description = "The feed is no longer polled; its seen items are forgotten. "
            + "Articles already submitted stay.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return Feed.deleteById(feedId(id)).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            Log.infof("feed=%s outcome=unsubscribed", id);
            return RestResponse.noContent();
        });
    }

    private Feed validated(FeedRequest request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw ProblemException.badRequest("invalid-url", "Invalid URL",
                    "The request body must be a JSON object with a non-empty \"url\", e.g. "
                            + "{\"url\": \"https://www.example.cn/rss.xml\", \"intervalSeconds\": 900}.");
        }
        Feed feed = new Feed();
        try {
            feed.url = UrlCanonicaliser.canonicalise(request.url()).toString();
        } catch (InvalidUrlException e) {
            throw ProblemException.badRequest("invalid-url", "Invalid URL", e.getMessage());
        }
        Duration interval = request.intervalSeconds() == null ? config.defaultInterval()
                : Duration.ofSeconds(request.intervalSeconds());
        if (interval.compareTo(config.minInterval()) < 0) {
            throw ProblemException.badRequest("invalid-feed", "Invalid feed subscription", "intervalSeconds must "
                    + "be at least " + config.minInterval().toSeconds() + ": polling more often burdens the site.");
        }
        List<String> categories = request.categories() == null ? List.of()
                : request.categories().stream().map(c -> c == null ? "" : c.strip()).toList();
        if (categories.size() > MAX_CATEGORIES || categories.stream()
                .anyMatch(c -> c.isEmpty() || c.length() > MAX_CATEGORY_LENGTH)) {
            throw ProblemException.badRequest("invalid-feed", "Invalid feed subscription", "categories must be at "
                    + "most " + MAX_CATEGORIES + " non-empty labels (group, source, feed) of at most "
                    + MAX_CATEGORY_LENGTH + " characters.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        feed.id = UUID.randomUUID();
        feed.intervalSeconds = Math.toIntExact(interval.toSeconds());
        feed.categories = FeedCategories.toColumn(categories);
        feed.nextPollAt = now;
        feed.createdAt = now;
        return feed;
    }

    private FeedResponse response(Feed feed) {
        return new FeedResponse(feed.id.toString(), feed.url, feed.intervalSeconds,
                FeedCategories.fromColumn(feed.categories), feed.title, feed.nextPollAt, feed.lastPolledAt,
                feed.lastOutcome, feed.createdAt);
    }

    private static UUID feedId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-feed-id", "Invalid feed id", "A feed id is a UUID, e.g. "
                    + "3f2504e0-4f89-41d3-9a0c-0305e82c3301; got " + id + ".");
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("feed-not-found", "Feed not found", "No subscription has the id " + id
                + ".");
    }
}
