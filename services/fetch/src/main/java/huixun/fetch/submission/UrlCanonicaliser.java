package huixun.fetch.submission;

import huixun.fetch.url.InvalidUrlException;
import huixun.fetch.url.WebUrl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canonical form of a submitted URL, from which the article id is derived, so that the same article submitted
 * twice gets one id: scheme and host in lower case, the host as punycode, no default port, no fragment, "/" for an
 * empty path (all done by {@link WebUrl#parse}), and without the tracking parameters below, the others kept in
 * their order.
 */
public final class UrlCanonicaliser {
    /**
     * Parameters that say where a click came from, not which page it is: {@code utm_*} (Google Analytics),
     * {@code spm} (Alibaba's tracking code), {@code from} (WeChat and Weibo shares).
     */
    private static final Set<String> TRACKING_PARAMETERS = Set.of("spm", "from");
    private static final String TRACKING_PREFIX = "utm_";

    private UrlCanonicaliser() {
    }

    /**
     * @throws InvalidUrlException when {@code url} is not an absolute http(s) URL with a host, at most
     *                             {@value WebUrl#MAX_LENGTH} characters long
     */
    public static WebUrl canonicalise(String url) {
        WebUrl parsed = WebUrl.parse(url);
        if (parsed.query() == null) {
            return parsed;
        }
        return parsed.withQuery(Arrays.stream(parsed.query().split("&"))
                .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
                .collect(Collectors.joining("&")));
    }

    private static boolean isTracking(String parameter) {
        int equals = parameter.indexOf('=');
        String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        return name.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(name);
    }
}
