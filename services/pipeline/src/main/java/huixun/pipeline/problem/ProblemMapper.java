package huixun.pipeline.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import huixun.contracts.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every API error into {@code application/problem+json} (RFC 9457): our own problems, JAX-RS errors
 * (unknown path, wrong method or media type), unreadable JSON, and, without a stack trace, anything unexpected.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response ownProblem(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("invalid-json", "Request body is not valid JSON", 400,
                e.getOriginalMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "path=%s unexpected error", uri.getPath());
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request could not be completed; the error was logged.", uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
