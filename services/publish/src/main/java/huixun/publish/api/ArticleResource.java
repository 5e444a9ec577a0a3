package huixun.publish.api;

import huixun.contracts.Problem;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.hexo.HexoPost;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleRepository;
import huixun.publish.store.ArticleVersionRepository;
import huixun.publish.store.StatusEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Published articles and where each submission stands. Errors are {@code application/problem+json}. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {
    static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final StatusEntryRepository timeline;
    private final ArticleLookup lookup;

    public ArticleResource(ArticleRepository articles, ArticleVersionRepository versions,
                           StatusEntryRepository timeline, ArticleLookup lookup) {
        this.articles = articles;
        this.lookup = lookup;
        this.versions = versions;
        this.timeline = timeline;
    }

    @GET
    @WithSession
    @Operation(summary = "List articles",
            description = "Every article publish knows of, newest first (by when publish first heard of it), in any "
                    + "status: submissions still in progress and failed ones are listed too. Page through with "
                    + "cursor (the previous page's next); page/size offsets still work. Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "One page of article summaries")
    @APIResponse(responseCode = "400", description = "A parameter is malformed or out of range "
            + "(/problems/invalid-parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ArticlePage> list(
            @Parameter(description = "Zero-based page number; not with cursor",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @RestQuery String page,
            @Parameter(description = "Articles per page, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @RestQuery @DefaultValue("20") String size,
            @Parameter(description = "The next value of the previous page") @RestQuery String cursor,
            @BeanParam FilterParameters filters) {
        return lookup.page(filters, page, size, cursor);
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Get an article",
            description = "The article's content (the current version, or the one asked for), labels and status, "
                    + "with the timeline of every status its submissions reached. Answers 304 to a matching "
                    + "If-None-Match.")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not an article id: 16 lower-case hex digits "
            + "(/problems/invalid-article-id), or a bad version (/problems/invalid-parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No article with that id (/problems/article-not-found), or "
            + "no such version (/problems/version-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ArticleView>> get(
            @Parameter(description = "The article id, as the submission API returned it") @RestPath String id,
            @Parameter(description = "A version number from /versions; the current version when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @RestQuery String version,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Integer wanted = version == null ? null : versionNumber(version);
        return article(id).chain(article -> timeline.timeline(id).chain(entries -> {
            if (wanted == null) {
                return Uni.createFrom().item(ArticleView.of(article, entries));
            }
            return versions.find(id, wanted)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("version-not-found",
                            "Version not found", "Article " + id + " has no version " + wanted + "."))
                    .map(v -> ArticleView.of(article, v, entries));
        })).map(view -> EntityTags.conditional(view, null, ifNoneMatch,
                EntityTags.of(view.id(), view.updatedAt(), view.version(), view.timeline().size())));
    }

    @GET
    @Path("{id}/versions")
    @WithSession
    @Operation(summary = "List an article's versions",
            description = "Every classification publish stored for the article, one per submission, by number. "
                    + "The current one (the newest by classification time) is marked.")
    @APIResponse(responseCode = "200", description = "The versions; empty before the article is published")
    @APIResponse(responseCode = "404", description = "No article with that id (/problems/article-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<VersionSummary>> versions(@RestPath String id) {
        return article(id).chain(article -> versions.of(id)
                .map(all -> all.stream().map(v -> VersionSummary.of(v, article.version())).toList()));
    }

    @GET
    @Path("{id}.md")
    @Produces(MARKDOWN)
    @WithSession
    @Operation(summary = "Export an article as a Hexo post",
            description = "The current version as a Hexo post in the format of the seed posts: YAML front matter "
                    + "(title, categories, headimg, author, comments, date, thumbnail), then the sanitised HTML.")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(mediaType = MARKDOWN,
            examples = @ExampleObject(name = "post", value = "\n---\ntitle: '标题'\ncategories: \n - www.example.cn\n"
                    + "headimg: ''\nauthor: www.example.cn\ncomments: false\ndate: Mon, 02 Aug 2021 19:47:10 GMT\n"
                    + "thumbnail: ''\n---\n\n<div>   \n<p>…</p>\n  \n</div>\n            \n")))
    @APIResponse(responseCode = "404", description = "No article with that id (/problems/article-not-found), or it "
            + "is not published yet (/problems/article-not-published)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> hexo(@RestPath String id,
                                          @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return article(id).map(article -> {
            if (article.version() == null) {
                throw ProblemException.notFound("article-not-published", "Article not published",
                        "Article " + id + " has no content yet: it is " + article.status() + ".");
            }
            return EntityTags.conditional(HexoPost.of(article), MARKDOWN, ifNoneMatch,
                    EntityTags.of("md", id, article.updatedAt()));
        });
    }

    private Uni<Article> article(String id) {
        return lookup.one(id);
    }

    private static int versionNumber(String value) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw ListRequest.invalid("version must be a whole number of 1 or more, not '"
                + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
    }
}
