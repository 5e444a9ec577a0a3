package huixun.publish.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.Arrays;
import java.util.List;

/**
 * Article bodies as the reader shows them. The stored HTML was sanitised by normalise; it is cleaned again here with
 * jsoup's {@link Safelist#relaxed()} so that whatever reaches the page, from any producer or version, carries no
 * script, style, event handler or foreign frame.
 */
final class ReaderHtml {
    private static final Safelist SAFE = Safelist.relaxed()
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeTags("col", "colgroup");

    private ReaderHtml() {
    }

    /**
     * The sanitised body. Images without alt text get an empty one (decorative, so screen readers skip them rather
     * than read the file name) and load lazily: a long article's pictures cost nothing until scrolled to.
     */
    static String body(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, SAFE));
        for (Element image : clean.select("img")) {
            if (!image.hasAttr("alt")) {
                image.attr("alt", "");
            }
            image.attr("loading", "lazy");
        }
        return clean.body().html();
    }

    /** Plain text as paragraphs (separated by blank lines in the store); Qute escapes them on output. */
    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
