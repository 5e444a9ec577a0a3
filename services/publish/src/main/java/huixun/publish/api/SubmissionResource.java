package huixun.publish.api;

import huixun.contracts.Problem;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.store.ArticleRepository;
import huixun.publish.store.StatusEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.regex.Pattern;

/** Where one submission stands, from the statuses every stage reported (statuses-changed). */
@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "submissions")
public class SubmissionResource {
    // fetch hands out UUIDs; anything of this shape is looked up, anything else cannot be one.
    private static final Pattern SUBMISSION_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final StatusEntryRepository timeline;
    private final ArticleRepository articles;

    public SubmissionResource(StatusEntryRepository timeline, ArticleRepository articles) {
        this.timeline = timeline;
        this.articles = articles;
    }

    @GET
    @Path("{submissionId}")
    @WithSession
    @Operation(summary = "Get a submission's status",
            description = "Every status the submission reached (stage, time, outcome, failure reason, trace id), by "
                    + "time, and the furthest one. A submission appears once its first status reached publish.")
    @APIResponse(responseCode = "200", description = "The submission's timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "Not a submission id (/problems/invalid-submission-id)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No status of that submission is known "
            + "(/problems/submission-not-found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> get(@RestPath String submissionId) {
        return find(submissionId);
    }

    /** The submission's view; a 400 or 404 problem when it is malformed or unknown. Also the web reader's. */
    public Uni<SubmissionView> find(String submissionId) {
        if (!SUBMISSION_ID.matcher(submissionId).matches()) {
            throw ProblemException.badRequest("invalid-submission-id", "Invalid submission id",
                    "A submission id is the UUID the submission API returned.");
        }
        return timeline.ofSubmission(submissionId).chain(entries -> {
            if (entries.isEmpty()) {
                throw ProblemException.notFound("submission-not-found", "Submission not found",
                        "No status of submission " + submissionId + " is known.");
            }
            return articles.findById(entries.get(0).articleId())
                    .map(article -> SubmissionView.of(submissionId, article == null ? null : article.url(),
                            entries));
        });
    }
}
