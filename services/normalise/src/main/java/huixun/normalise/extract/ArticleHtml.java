package huixun.normalise.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders blocks as HTML and sanitises the result: publish serves this HTML to browsers, so whatever the page held,
 * only the tags below survive, images and links must be absolute http(s) addresses, links get
 * {@code rel="nofollow noopener"}, and no script, style, event handler, {@code javascript:} or {@code data:} URL
 * passes.
 */
final class ArticleHtml {
    private static final Safelist SAFELIST = new Safelist()
            .addTags("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "a",
                    "br", "b", "strong", "i", "em", "sub", "sup")
            .addAttributes("img", "src", "alt")
            .addAttributes("a", "href")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .preserveRelativeLinks(false);

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
        // Cleaned as built, rather than serialised for Jsoup.clean to parse it again
        Document clean = new Cleaner(SAFELIST).clean(out);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
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
