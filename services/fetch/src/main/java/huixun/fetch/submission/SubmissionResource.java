package huixun.fetch.submission;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Problem;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.config.FetchConfig;
import huixun.pipeline.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** {@code POST /api/v1/submissions}: submit a news URL for fetching. */
@Path("/api/v1/submissions")
public class SubmissionResource {
    private final SubmissionService service;
    private final String articleBaseUrl;

    public SubmissionResource(SubmissionService service, FetchConfig config) {
        this.service = service;
        String base = config.articleBaseUrl();
        this.articleBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a news URL",
            description = "Canonicalises the URL and queues it for fetching. Answers only after the broker has "
                    + "recorded the submission.")
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for the article's progress",
            headers = @Header(name = "Location", description = "The article in the publish API"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an absolute http(s) URL, missing, or not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not confirm the submission; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SubmissionResponse>> submit(SubmissionRequest request) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-url", "Invalid URL",
                    "The request body must be a JSON object with a non-empty \"url\", e.g. "
                            + "{\"url\": \"https://www.example.cn/news/1.html\"}."));
        }
        return service.accept(request.url()).map(this::accepted);
    }

    private RestResponse<SubmissionResponse> accepted(SubmissionAccepted submission) {
        return RestResponse.ResponseBuilder.accepted(new SubmissionResponse(submission.articleId(),
                        submission.submissionId(), submission.canonicalUrl(), ArticleStatus.RECEIVED))
                .location(URI.create(articleBaseUrl + "/api/v1/articles/" + submission.articleId()))
                .build();
    }
}
