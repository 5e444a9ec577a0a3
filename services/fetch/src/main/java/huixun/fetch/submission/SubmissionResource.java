package huixun.fetch.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.contracts.ArticleStatus;
import huixun.contracts.Problem;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.config.FetchConfig;
import huixun.pipeline.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/submissions}: submit a news URL for fetching; {@code POST /api/v1/submissions/batch}: up to
 * 1000 at once. {@code ?refresh=true} fetches known URLs again.
 */
@Path("/api/v1/submissions")
public class SubmissionResource {
    static final String NDJSON = "application/x-ndjson";
    /** Batch lines written to the broker at once: enough to overlap acknowledgements, within the emitter's buffer. */
    private static final int BATCH_CONCURRENCY = 16;

    private final SubmissionService service;
    private final ObjectMapper json;
    private final String articleBaseUrl;

    public SubmissionResource(SubmissionService service, ObjectMapper json, FetchConfig config) {
        this.service = service;
        this.json = json;
        String base = config.articleBaseUrl();
        this.articleBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a news URL",
            description = "Canonicalises the URL and queues it for fetching. Answers only after the broker has "
                    + "recorded the submission. A URL submitted before is not queued again unless refresh=true, "
                    + "which fetches it again as a new version of the article.")
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for the article's progress",
            headers = @Header(name = "Location", description = "The article in the publish API"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionResponse.class)))
    @APIResponse(responseCode = "200", description = "The URL is known: its article and first submission, nothing "
            + "queued (add ?refresh=true to fetch it again)",
            headers = @Header(name = "Location", description = "The article in the publish API"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an absolute http(s) URL, missing, or not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not confirm the submission; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SubmissionResponse>> submit(SubmissionRequest request,
                                                        @QueryParam("refresh") boolean refresh) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-url", "Invalid URL",
                    "The request body must be a JSON object with a non-empty \"url\", e.g. "
                            + "{\"url\": \"https://www.example.cn/news/1.html\"}."));
        }
        return service.accept(request.url(), refresh, null).map(this::answer);
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit up to 1000 news URLs",
            description = "A JSON array of URLs (strings or {\"url\": …} objects) or NDJSON, one per line. Each "
                    + "line is accepted or refused on its own, as a single submission would be; the answer lists "
                    + "them in input order.")
    @APIResponse(responseCode = "200", description = "Every line's result; accepted ones have status 202",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array or NDJSON, or no line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1000 lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BatchResponse> submitBatch(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                          @QueryParam("refresh") boolean refresh) {
        boolean ndjson = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON);
        List<BatchParser.Line> lines = BatchParser.parse(json, body, ndjson);
        return Multi.createFrom().iterable(lines)
                .onItem().transformToUni(line -> submitLine(line, refresh)).merge(BATCH_CONCURRENCY)
                .collect().asList()
                .map(results -> {
                    List<BatchResult> ordered = results.stream()
                            .sorted(Comparator.comparingInt(BatchResult::line)).toList();
                    int accepted = (int) ordered.stream().filter(r -> r.status() == 202).count();
                    int known = (int) ordered.stream().filter(r -> r.status() == 200).count();
                    return new BatchResponse(accepted, known, ordered.size() - accepted - known, ordered);
                });
    }

    private Uni<BatchResult> submitLine(BatchParser.Line line, boolean refresh) {
        String instance = "/api/v1/submissions/batch#line-" + line.number();
        if (line.url() == null) {
            return Uni.createFrom().item(new BatchResult(line.number(), line.input(), 400, null, null, null, null,
                    Problem.of("invalid-url", "Invalid URL", 400, line.error(), instance)));
        }
        return service.accept(line.url(), refresh, null)
                .map(a -> new BatchResult(line.number(), line.input(), a.known() ? 200 : 202,
                        a.submission().articleId(), a.submission().submissionId(), a.submission().canonicalUrl(),
                        location(a.submission()), null))
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    ProblemException problem = (ProblemException) e;
                    return new BatchResult(line.number(), line.input(), problem.status(), null, null, null, null,
                            Problem.of(problem.type(), problem.title(), problem.status(), problem.getMessage(),
                                    instance));
                });
    }

    private String location(SubmissionAccepted submission) {
        return articleBaseUrl + "/api/v1/articles/" + submission.articleId();
    }

    private RestResponse<SubmissionResponse> answer(Acceptance acceptance) {
        SubmissionAccepted submission = acceptance.submission();
        // A known article's status is publish's to tell (Location); RECEIVED would be a guess.
        SubmissionResponse body = new SubmissionResponse(submission.articleId(), submission.submissionId(),
                submission.canonicalUrl(), acceptance.known() ? null : ArticleStatus.RECEIVED);
        RestResponse.ResponseBuilder<SubmissionResponse> builder = acceptance.known()
                ? RestResponse.ResponseBuilder.ok(body) : RestResponse.ResponseBuilder.accepted(body);
        return builder.location(URI.create(location(submission))).build();
    }
}
