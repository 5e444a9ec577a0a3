package huixun.publish.web;

import huixun.publish.config.PublishConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may use the submit form: outside the local and test profiles, whoever presents fetch's API token, as a bearer
 * token or as the password of HTTP Basic (which browsers ask for on their own, so the form works without
 * JavaScript). The token is compared in constant time.
 */
final class SubmitAccess {
    private SubmitAccess() {
    }

    static boolean allowed(String authorization, PublishConfig.Web config) {
        if (!config.auth()) {
            return true;
        }
        Optional<String> token = config.fetchToken().filter(t -> !t.isBlank());
        Optional<String> presented = presented(authorization);
        return token.isPresent() && presented.isPresent() && MessageDigest.isEqual(
                token.get().getBytes(StandardCharsets.UTF_8), presented.get().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a form post comes from this site's own pages: browsers send {@code Sec-Fetch-Site}, and a post from
     * another site must not ride on the credentials the browser remembers (cross-site request forgery).
     */
    static boolean sameSite(String secFetchSite) {
        return secFetchSite == null || secFetchSite.equals("same-origin") || secFetchSite.equals("none");
    }

    private static Optional<String> presented(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        String scheme = value.contains(" ") ? value.substring(0, value.indexOf(' ')).toLowerCase(Locale.ROOT) : "";
        String credentials = value.substring(scheme.length()).strip();
        if (scheme.equals("bearer")) {
            return Optional.of(credentials);
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
