package huixun.fetch.submission;

import huixun.contracts.Problem;
import huixun.fetch.config.FetchConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the write endpoints: a per-client rate limit on submissions (429 with {@code Retry-After}), then a bearer
 * token on every write (401). The rate limit runs first so that token guessing is throttled too. Only JAX-RS
 * resources pass here: health, metrics and OpenAPI ({@code /q/*}) stay open.
 */
@ApplicationScoped
@Startup // so that a missing token is reported at boot, not at the first write
public class WriteAccessFilters {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SUBMISSIONS_PATH = "/api/v1/submissions";

    private final boolean authEnabled;
    private final Optional<byte[]> token;
    private final ClientRateLimiter limiter;

    @Inject
    public WriteAccessFilters(FetchConfig config) {
        FetchConfig.Api api = config.api();
        this.authEnabled = api.authEnabled();
        this.token = api.token().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.limiter = new ClientRateLimiter(api.submissionsPerMinute(), api.submissionBurst(), System::nanoTime);
        if (authEnabled && token.isEmpty()) {
            Log.warn("huixun.fetch.api.auth-enabled=true but huixun.fetch.api.token is not set: every write "
                    + "request will be refused with 401");
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 10)
    public Optional<Response> limitSubmissions(ContainerRequestContext context, HttpServerRequest request) {
        String path = context.getUriInfo().getPath();
        if (isRead(context) || !path.startsWith(SUBMISSIONS_PATH)) {
            return Optional.empty();
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        // A batch costs its maximum size, capped at a whole burst (the limiter caps it): up to 1000 URLs are one
        // request but not one submission, and the body is not read yet.
        int cost = path.endsWith("/batch") ? BatchParser.MAX_LINES : 1;
        return limiter.acquire(client, cost).map(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            Log.warnf("client=%s path=%s outcome=rate_limited retry_after_s=%d", client, path, seconds);
            return problem(Problem.of("rate-limited", "Too many submissions", 429, "This client sent more "
                            + "submissions than allowed; retry after " + seconds + " s.", path))
                    .header(HttpHeaders.RETRY_AFTER, seconds).build();
        });
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireToken(ContainerRequestContext context) {
        if (!authEnabled || isRead(context)) {
            return Optional.empty();
        }
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token.isPresent() && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token.get(), header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String path = context.getUriInfo().getPath();
        return Optional.of(problem(Problem.of("unauthorized", "Bearer token required", 401,
                        "Write endpoints need the header Authorization: Bearer <token>.", path))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"huixun\"").build());
    }

    private static boolean isRead(ContainerRequestContext context) {
        return READ_METHODS.contains(context.getMethod());
    }

    private static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
