package huixun.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;

/**
 * An RFC 9457 problem detail, the body of every API error ({@code application/problem+json}). {@code type} is a
 * stable URI per kind of problem, listed in {@code docs/api.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String typeSlug, String title, int status, String detail, String instance) {
        return new Problem(URI.create("/problems/" + typeSlug), title, status, detail, instance);
    }
}
