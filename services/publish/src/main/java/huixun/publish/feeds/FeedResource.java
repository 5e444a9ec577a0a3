package huixun.publish.feeds;

import huixun.publish.api.EntityTags;
import huixun.publish.api.FilterParameters;
import huixun.publish.api.ListRequest;
import huixun.publish.config.PublishConfig;
import huixun.publish.search.ArticleFilter;
import huixun.publish.store.ArticleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds of the newest published articles: all of them, or those with a topic,
 * region or source. Answers 304 to a matching If-None-Match; the ETag is a digest of the feed itself.
 */
@Path("/feeds")
@Tag(name = "feeds")
public class FeedResource {
    private final ArticleRepository articles;
    private final FeedWriter writer;
    private final PublishConfig.Feeds config;

    public FeedResource(ArticleRepository articles, FeedWriter writer, PublishConfig config) {
        this.articles = articles;
        this.writer = writer;
        this.config = config.feeds();
    }

    @GET
    @Path("all.{format: rss|atom|json}")
    @WithSession
    @Operation(summary = "Feed of all articles", description = "The newest published articles, as .rss, .atom or "
            + ".json (JSON Feed 1.1).")
    public Uni<RestResponse<String>> all(@RestPath String format, @RestHeader(HttpHeaders.IF_NONE_MATCH) String tag) {
        return feed("all", "all", format, ArticleFilter.NONE, tag);
    }

    @GET
    @Path("{kind: topic|region|source|person}/{value}.{format: rss|atom|json}")
    @WithSession
    @Operation(summary = "Feed of a topic, region, source or person", description = "The newest published articles "
            + "with the topic (IPTC code), region (ISO 3166 code), source (host) or person (label code), as .rss, "
            + ".atom or .json (JSON Feed 1.1).")
    public Uni<RestResponse<String>> of(@RestPath String kind, @RestPath String value, @RestPath String format,
                                        @RestHeader(HttpHeaders.IF_NONE_MATCH) String tag) {
        ArticleFilter filter = ListRequest.filter(FilterParameters.of(Map.of(kind, value)));
        return feed(kind, value, format, filter, tag);
    }

    private Uni<RestResponse<String>> feed(String kind, String value, String extension, ArticleFilter filter,
                                           String ifNoneMatch) {
        FeedFormat format = FeedFormat.of(extension);
        String base = config.baseUrl();
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        String query = kind.equals("all") ? "" : "?" + kind + "=" + encoded;
        // A person's code may hold spaces: in a path they are %20, not the form encoding's +.
        String selfPath = kind.equals("all") ? "/feeds/all." + extension
                : "/feeds/" + kind + "/" + encoded.replace("+", "%20") + "."
                + extension;
        FeedWriter.Channel channel = new FeedWriter.Channel("tag:huixun,2026:feed:" + kind + ":" + value,
                kind.equals("all") ? "Huixun: all articles" : "Huixun: " + kind + " " + value,
                kind.equals("all") ? "The newest articles published by Huixun"
                        : "The newest articles published by Huixun with " + kind + " " + value,
                base + "/" + query, base + selfPath, base);
        return articles.newestPublished(filter, config.size()).map(list -> {
            String body = writer.write(format, channel, list);
            return EntityTags.conditional(body, format.mediaType(), ifNoneMatch, EntityTags.of(body));
        });
    }
}
