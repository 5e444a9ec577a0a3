package huixun.publish.api;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags and the {@code If-None-Match} test of a conditional GET (RFC 9110 §8.8.3, §13.1.2). A tag is a
 * digest of what the representation is made from, so it changes exactly when the body would.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /** A quoted tag over the given parts. */
    public static String of(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    /** Whether {@code ifNoneMatch} (the header, or null) names {@code tag}: the answer is then 304. */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            // GET compares weakly: W/"x" matches "x".
            if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    /** 304 with the tag when {@code ifNoneMatch} names it, else 200 with the body (of {@code mediaType}, if given). */
    public static <T> RestResponse<T> conditional(T body, String mediaType, String ifNoneMatch, String tag) {
        if (matches(ifNoneMatch, tag)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, tag).build();
        }
        RestResponse.ResponseBuilder<T> ok = mediaType == null ? RestResponse.ResponseBuilder.ok(body)
                : RestResponse.ResponseBuilder.ok(body, mediaType);
        return ok.header(HttpHeaders.ETAG, tag).build();
    }
}
