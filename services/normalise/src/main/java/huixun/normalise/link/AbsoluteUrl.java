package huixun.normalise.link;

import org.jsoup.nodes.Element;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;

/**
 * jsoup's {@link Element#absUrl} without its cost where the answer is known to be no http(s) address. absUrl
 * resolves through {@code java.net.URL}, which throws for every value without a base (the extract command has none)
 * and looks a scheme it does not know ({@code data:}, as lazy-loading pages put in every {@code img src}) up among
 * the class path's URL handlers before throwing: three such images cost more than the rest of an image's handling.
 */
public final class AbsoluteUrl {
    private AbsoluteUrl() {
    }

    /**
     * {@code element.absUrl(attribute)}, or "" where that would not be an http(s) address anyway: a value naming
     * another scheme ({@code data:}, {@code javascript:}, {@code mailto:}), and, on a page without a base address, a
     * value without a scheme (without a colon, absUrl has nothing to resolve it against and gives ""). An http(s)
     * value on a page without a base address is parsed alone, as absUrl ends up parsing it.
     */
    public static String of(Element element, String attribute) {
        String value = element.attr(attribute);
        int colon = value.indexOf(':');
        if (colon < 0) {
            return element.baseUri().isEmpty() ? "" : element.absUrl(attribute);
        }
        if (isOtherScheme(value, colon)) {
            return "";
        }
        boolean plain = element.baseUri().isEmpty() && isHttpScheme(value, colon) && !hasControlCharacter(value);
        return plain ? alone(value) : element.absUrl(attribute);
    }

    /**
     * What absUrl gives for an http(s) value on a page without base address, without its detour: it first parses the
     * empty base ({@code java.net.URL} throws), and runs a regex removing control characters over base and value (one
     * replacement per character: the pattern also matches the empty string).
     */
    private static String alone(String value) {
        try {
            URL url = new URL(value);
            // absUrl refuses an http(s) address without host, and answers "" for any value it cannot parse
            boolean http = url.getProtocol().equalsIgnoreCase("http") || url.getProtocol().equalsIgnoreCase("https");
            return http && url.getHost().isEmpty() ? "" : url.toExternalForm();
        } catch (MalformedURLException e) {
            return "";
        }
    }

    /** Control characters, which absUrl removes before parsing: such a value is left to it. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** True when the text before the first colon is http or https as absUrl compares them (ignoring case). */
    private static boolean isHttpScheme(String value, int colon) {
        String scheme = value.substring(0, colon);
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    /**
     * True when {@code value} opens with a scheme, {@code [A-Za-z][A-Za-z0-9+.-]*:} as java.net.URL reads one, that
     * is not http or https: whatever the base, the resolved address keeps that scheme. ({@code url:} is excluded
     * too: java.net.URL skips it and reads the scheme after it.)
     */
    private static boolean isOtherScheme(String value, int colon) {
        if (colon == 0 || !isAsciiLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        return !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("url");
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
