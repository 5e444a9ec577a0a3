package huixun.e2e;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Finds anything in an HTML fragment that a browser would run or that could restyle the page: scripting elements,
 * event-handler and style attributes, and URLs with an active scheme. The check parses the HTML as a browser would,
 * so text that merely spells out {@code onerror=} inside an escaped attribute value is not reported.
 */
final class ActiveContent {
    private static final Set<String> ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "svg", "math", "style", "link", "meta", "base", "form", "input", "button", "textarea", "template");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "poster", "background", "data", "cite", "srcset");
    private static final Set<String> ACTIVE_SCHEMES = Set.of("javascript:", "vbscript:", "data:");

    private ActiveContent() {
    }

    /** A description of the first active thing in {@code html}, if any. */
    static Optional<String> find(String html) {
        if (html == null) {
            return Optional.empty();
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (ELEMENTS.contains(element.normalName())) {
                return Optional.of("<" + element.normalName() + "> element");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")) {
                    return Optional.of(name + " attribute on <" + element.normalName() + ">");
                }
                // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
                String value = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                if (URL_ATTRIBUTES.contains(name) && ACTIVE_SCHEMES.stream().anyMatch(value::startsWith)) {
                    return Optional.of(name + "=\"" + attribute.getValue() + "\" on <" + element.normalName() + ">");
                }
            }
        }
        return Optional.empty();
    }
}
