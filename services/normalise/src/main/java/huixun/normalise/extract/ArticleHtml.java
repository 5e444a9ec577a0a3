package huixun.normalise.extract;

import huixun.normalise.link.AbsoluteUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders blocks as HTML and sanitises the result: publish serves this HTML to browsers, so whatever the page held,
 * only the tags below survive, images and links must be absolute http(s) addresses, links get
 * {@code rel="nofollow noopener"}, and no script, style, event handler, {@code javascript:} or {@code data:} URL
 * passes.
 * <p>
 * The addresses are resolved and checked here ({@link #resolveAddresses}) rather than by the Safelist's protocols:
 * the Cleaner would call jsoup's {@code absUrl} once to test each {@code href} and {@code src} and again to keep it,
 * through {@code java.net.URL}, which throws for every value on a page without a base address and searches the class
 * path for a handler for every {@code data:} URL; {@link AbsoluteUrl} answers those without it, and the values kept
 * are the ones the Safelist's protocols {@code http} and {@code https} would have kept.
 */
final class ArticleHtml {
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "a",
                    "br", "b", "strong", "i", "em", "sub", "sup")
            .addAttributes("img", "src", "alt")
            .addAttributes("a", "href")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private ArticleHtml() {
    }

    /** The blocks as sanitised HTML; relative links resolve against {@code baseUri}, and are dropped without one. */
    static String render(List<Block> blocks, String baseUri) {
        Document out = Document.createShell(baseUri);
        out.outputSettings().prettyPrint(false); // indentation would become text inside the article
        Element body = out.body();
        Grouping quote = new Grouping();
        Grouping list = new Grouping();
        Grouping figure = new Grouping();
        for (Block block : blocks) {
            Element parent = quote.open(body, block.quote(), "blockquote", block.quote() != null);
            if (block.kind() == Block.Kind.ITEM) {
                String tag = block.list() != null && block.list().normalName().equals("ol") ? "ol" : "ul";
                parent = list.open(parent, block.list(), tag, true);
            } else {
                list.close();
            }
            boolean figurative = block.kind() == Block.Kind.IMAGE || block.kind() == Block.Kind.CAPTION;
            if (figurative) {
                parent = figure.open(parent, block.figure(), "figure", true);
            } else {
                figure.close();
            }
            if (block.isImage()) {
                parent.appendElement("img").attr("src", block.src()).attr("alt", block.alt());
            } else {
                Element element = parent.appendElement(block.kind().tag);
                for (Node node : new ArrayList<>(block.content().childNodes())) {
                    element.appendChild(node.clone());
                }
            }
        }
        return sanitise(out).body().html();
    }

    /** Cleans {@code out} as built, rather than serialised for Jsoup.clean to parse it again; changes {@code out}. */
    static Document sanitise(Document out) {
        resolveAddresses(out.body(), "a", "href");
        resolveAddresses(out.body(), "img", "src");
        Document clean = new Cleaner(SAFELIST).clean(out);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /**
     * Replaces each {@code tag}'s {@code attribute} by its absolute address, or removes it where that is no http(s)
     * address: what a Safelist with protocols http and https for it, and {@code preserveRelativeLinks(false)}, does.
     */
    private static void resolveAddresses(Element root, String tag, String attribute) {
        for (Element element : root.getElementsByTag(tag)) {
            if (!element.hasAttr(attribute)) {
                continue;
            }
            String address = AbsoluteUrl.of(element, attribute);
            if (isHttp(address)) {
                element.attr(attribute, address);
            } else {
                element.removeAttr(attribute);
            }
        }
    }

    /** The Safelist's protocol test: the lower-cased address opens with {@code http:} or {@code https:}. */
    private static boolean isHttp(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:");
    }

    /** Keeps consecutive blocks from one source list, quote or figure inside one output element. */
    private static final class Grouping {
        private Element source;
        private Element open;

        Element open(Element parent, Element from, String tag, boolean wanted) {
            if (!wanted) {
                close();
                return parent;
            }
            // A null source (an image outside any <figure>) always opens an element of its own.
            if (open == null || from == null || source != from || open.parent() != parent) {
                open = parent.appendElement(tag);
                source = from;
            }
            return open;
        }

        void close() {
            open = null;
            source = null;
        }
    }
}
