package huixun.publish.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.publish.config.PublishConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Forwards a URL from the submit form to fetch's {@code POST /api/v1/submissions} with the configured token. The
 * JDK client sends asynchronously, so no event-loop thread waits for fetch.
 */
@ApplicationScoped
public class FetchSubmissions {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json;
    private final PublishConfig.Web config;

    public FetchSubmissions(ObjectMapper json, PublishConfig config) {
        this.json = json;
        this.config = config.web();
    }

    /**
     * What fetch answered.
     *
     * @param accepted     whether there is a submission to follow: fetch accepted the URL (202) or already knows it
     *                     (200, with the submission that first brought it)
     * @param submissionId that submission's id when accepted
     * @param message      why not, in fetch's words (its problem's detail) or ours when fetch could not be reached
     */
    public record Outcome(boolean accepted, String submissionId, String message) {
    }

    public Uni<Outcome> submit(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.fetchBaseUrl() + "/api/v1/submissions"))
                .timeout(config.fetchTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(Map.of("url", url)), StandardCharsets.UTF_8));
        config.fetchToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .map(this::outcome)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("submission=forward outcome=unreachable fetch=%s cause=%s", config.fetchBaseUrl(),
                            failure.toString());
                    return new Outcome(false, null, "The submission service cannot be reached; try again later.");
                });
    }

    private Outcome outcome(HttpResponse<String> response) {
        JsonNode body = read(response.body());
        boolean known = response.statusCode() == 200;
        if ((response.statusCode() == 202 || known) && body.hasNonNull("submissionId")) {
            return new Outcome(true, body.get("submissionId").asText(), null);
        }
        Log.infof("submission=forward outcome=refused status=%d", response.statusCode());
        String detail = body.hasNonNull("detail") ? body.get("detail").asText()
                : "The submission service answered " + response.statusCode() + ".";
        return new Outcome(false, null, detail);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // An answer that is not JSON (a proxy's error page) has no fields, not an exception.
    private JsonNode read(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
