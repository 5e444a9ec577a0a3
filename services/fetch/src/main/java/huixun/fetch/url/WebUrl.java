package huixun.fetch.url;

import io.netty.util.NetUtil;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL in the one form the fetcher works with: scheme and host in lower case, the host in ASCII
 * (IDN labels as punycode, any IPv4 spelling as a dotted quad, IPv6 in brackets), an effective port, a path that is
 * never empty, no user info and no fragment. Non-ASCII characters in path and query are percent-encoded as UTF-8.
 * Only {@link #parse} and {@link #resolve} make one, so every instance holds these invariants.
 */
public final class WebUrl {
    /** Longer URLs are refused; 2048 is what search engines and most servers handle reliably. */
    public static final int MAX_LENGTH = 2048;
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9_-]{1,63}");
    /** Characters browsers send percent-encoded although servers put them raw into Location headers. */
    private static final String UNSAFE = " \"<>\\^`{|}";

    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final String query;

    private WebUrl(String scheme, String host, int port, String path, String query) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.query = query;
    }

    /**
     * Parses a URL as a client typed or pasted it.
     *
     * @throws InvalidUrlException when it is not an absolute http(s) URL with a host, or is longer than
     *                             {@value #MAX_LENGTH} characters
     */
    public static WebUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidUrlException("The URL is empty.");
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidUrlException("The URL is " + stripped.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted.");
        }
        try {
            return of(new URI(stripped));
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("The URL is not well-formed: " + e.getMessage() + ".");
        }
    }

    /**
     * Resolves a redirect's {@code Location} against this URL (RFC 9110 §10.2.2: it may be relative). Characters
     * servers send raw although URLs may not contain them (spaces, non-ASCII) are percent-encoded first, as browsers
     * do.
     *
     * @throws InvalidUrlException when the target is not an http(s) URL the fetcher can work with
     */
    public WebUrl resolve(String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidUrlException("The redirect has an empty Location.");
        }
        String reference = encodeUnsafe(location.strip());
        try {
            // java.net.URI implements RFC 2396, which drops the last path segment for a query-only reference;
            // RFC 3986 §5.2.2 keeps it.
            URI target = reference.startsWith("?")
                    ? new URI(origin() + path + reference)
                    : new URI(toString()).resolve(new URI(reference));
            return of(target);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidUrlException("The redirect target " + location + " is not a valid URL: "
                    + e.getMessage() + ".");
        }
    }

    /** The same URL with another query (null for none), e.g. after dropping tracking parameters. */
    public WebUrl withQuery(String newQuery) {
        return new WebUrl(scheme, host, port, path, newQuery == null || newQuery.isEmpty() ? null : newQuery);
    }

    public String scheme() {
        return scheme;
    }

    /** The host in ASCII and lower case; an IPv6 address keeps its brackets, as in a Host header. */
    public String host() {
        return host;
    }

    /** The port to connect to: the explicit one, else 80 or 443 by scheme. */
    public int port() {
        return port;
    }

    public boolean isHttps() {
        return "https".equals(scheme);
    }

    /** The raw query without the {@code ?}, or null when there is none. */
    public String query() {
        return query;
    }

    /** Path and query as sent in the request line. */
    public String requestTarget() {
        return query == null ? path : path + '?' + query;
    }

    @Override
    public String toString() {
        return origin() + requestTarget();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebUrl url && toString().equals(url.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }

    private String origin() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static WebUrl of(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new InvalidUrlException("The URL is not absolute: it must start with http:// or https://.");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrlException("Only http and https URLs can be fetched, not " + scheme + ".");
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            throw new InvalidUrlException("The URL has no host.");
        }
        if (authority.contains("@")) {
            throw new InvalidUrlException("URLs with user credentials (user@host) are not accepted.");
        }
        String hostPart = authority;
        String portPart = "";
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.lastIndexOf(':');
        if (portColon >= 0) {
            hostPart = authority.substring(0, portColon);
            portPart = authority.substring(portColon + 1);
        }
        int port = portPart.isEmpty() ? defaultPort(scheme) : port(portPart);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : asciiOnly(uri.getRawPath());
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? null : asciiOnly(uri.getRawQuery());
        WebUrl url = new WebUrl(scheme, host(hostPart), port, path, query);
        if (url.toString().length() > MAX_LENGTH) {
            throw new InvalidUrlException("The URL is longer than " + MAX_LENGTH + " characters.");
        }
        return url;
    }

    private static int port(String digits) {
        if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new InvalidUrlException("The port " + digits + " is not a number from 1 to 65535.");
        }
        return Integer.parseInt(digits);
    }

    private static String host(String text) {
        if (text.isEmpty()) {
            throw new InvalidUrlException("The URL has no host.");
        }
        if (text.startsWith("[")) {
            String literal = text.substring(1, text.length() - 1).toLowerCase(Locale.ROOT);
            if (!text.endsWith("]") || !NetUtil.isValidIpV6Address(literal) || literal.contains("%")) {
                throw new InvalidUrlException("The host " + text + " is not a valid IPv6 address.");
            }
            return "[" + literal + "]";
        }
        // "example.com." names the same host as "example.com".
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("The host " + text + " is not a valid domain name: " + e.getMessage()
                    + ".");
        }
        if (!ascii.isEmpty() && Ipv4Host.endsInNumber(ascii)) {
            return Ipv4Host.parse(ascii).orElseThrow(() -> new InvalidUrlException("The host " + text
                    + " ends in a number but is not a valid IPv4 address."));
        }
        if (ascii.isEmpty() || ascii.length() > MAX_HOST_LENGTH) {
            throw new InvalidUrlException("The host " + text + " is not a valid domain name.");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new InvalidUrlException("The host " + text + " is not a valid domain name.");
            }
        }
        return ascii;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static String asciiOnly(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.append((char) c);
            } else {
                percentEncode(out, c);
            }
        });
        return out.toString();
    }

    private static String encodeUnsafe(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            boolean strayPercent = c == '%' && !(isHex(raw, i + 1) && isHex(raw, i + 2));
            if (c < 0x21 || c >= 0x7f || UNSAFE.indexOf(c) >= 0 || strayPercent) {
                percentEncode(out, c);
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }

    private static void percentEncode(StringBuilder out, int codePoint) {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
    }
}
