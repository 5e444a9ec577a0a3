package huixun.normalise.extract;

import org.jsoup.nodes.Element;

/**
 * One output unit of the article, in document order.
 *
 * @param text    the trimmed plain text; empty for an image
 * @param content an element whose children are the block's inline content (text, links, emphasis); null for an image
 * @param src     the absolute http(s) address of an image; null for text
 * @param list    the source {@code ul}/{@code ol} of a list item, so consecutive items of one list stay one list
 * @param quote   the source {@code blockquote} around the block, or null
 * @param figure  the source {@code figure} around an image or caption, or null
 */
record Block(Kind kind, String text, Element content, String src, String alt, Element list, Element quote,
             Element figure) {

    enum Kind {
        PARAGRAPH("p"), HEADING2("h2"), HEADING3("h3"), HEADING4("h4"), ITEM("li"), CAPTION("figcaption"),
        IMAGE("img");

        final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    boolean isImage() {
        return kind == Kind.IMAGE;
    }
}
