package huixun.normalise.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the parts of a page the extractor never reads, so that the parser can be spared them: the contents of
 * stylesheets and of executable scripts. They are two thirds of a typical news page's characters, and jsoup copies
 * each of them three times on the way to a node nobody looks at. Data scripts ({@code application/ld+json} and any
 * other type that is not JavaScript) keep their contents: the metadata rules read them.
 *
 * <p>The page is followed as jsoup's tokeniser and tree builder (1.24) follow it: tags with their quoted
 * attributes, comments, the raw text of {@code title}, {@code textarea}, {@code iframe}, {@code xmp} and the like
 * (self-closed or not, as jsoup reads them), {@code <noscript>} (plain markup for jsoup), and inline SVG, where only
 * {@code <script>} holds raw text. Whatever it does not follow exactly ({@code <select>}, MathML, HTML inside SVG,
 * {@code <frameset>}, {@code <plaintext>}, CDATA, a script containing {@code <!--}, a construct the page leaves
 * unclosed) ends the search there: the rest of the page is parsed as it is. So the parsed page differs from the whole
 * page's parse only in those contents being empty ({@code InertContentTest} checks this on the sample, bad-input and
 * benchmark pages, on tricky markup and on generated pages).
 */
public final class InertContent {
    /** jsoup reads the contents of these as text up to their end tag, not as markup (in HTML content). */
    private static final Set<String> RAW_TEXT = Set.of("title", "textarea", "iframe", "noembed", "noframes", "xmp");
    /** Where this search stops (see the class comment). */
    private static final Set<String> UNFOLLOWED = Set.of("select", "math", "frameset", "plaintext");
    /** SVG elements whose contents jsoup parses as HTML (integration points). */
    private static final Set<String> SVG_HTML = Set.of("foreignobject", "desc", "title");
    /** HTML start tags that end SVG content in jsoup (its {@code InForeignToHtml}), plus {@code font}. */
    private static final Set<String> SVG_BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code",
            "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
            "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strike", "strong",
            "sub", "sup", "table", "tt", "u", "ul", "var", "font");
    /** The names that matter outside SVG, by their length. */
    private static final String[][] KNOWN = byLength(Stream.of(RAW_TEXT, UNFOLLOWED,
            Set.of("script", "style", "svg", "noscript")).flatMap(Set::stream).toList());
    private static final int STOP = -1;

    private final String page;
    private final int length;
    private int[] ranges = new int[16];
    private int count;
    /** The SVG elements open around the position, innermost last: jsoup closes them by name. */
    private String[] svg = new String[8];
    private int svgDepth;
    /** Inside a {@code <noscript>}, which jsoup parses as an island of plain markup. */
    private boolean inNoscript;
    /** The tag just read: its lower-case name, where it ends, whether it closed itself, its type attribute. */
    private String name;
    private int tagEnd;
    private boolean selfClosing;
    private String type;

    private InertContent(String page) {
        this.page = page;
        this.length = page.length();
    }

    /**
     * The ranges of {@code page} to leave out of the parse, as start and end offsets one after the other
     * ({@code [start0, end0, start1, end1, …]}), ascending.
     */
    public static int[] ranges(String page) {
        InertContent search = new InertContent(page);
        search.run();
        return Arrays.copyOf(search.ranges, search.count);
    }

    private void run() {
        int at = 0;
        while (at != STOP) {
            int open = page.indexOf('<', at);
            if (open < 0 || open + 1 >= length) {
                return;
            }
            char next = page.charAt(open + 1);
            if (next == '!') {
                at = markupDeclaration(open + 2);
            } else if (next == '?') {
                at = afterNext('>', open + 2); // a bogus comment, to the first '>'
            } else if (next == '/') {
                at = endTag(open + 2);
            } else if (isAsciiLetter(next)) {
                at = startTag(open + 1);
            } else {
                at = open + 1; // a '<' of the text
            }
        }
    }

    /** After {@code <!}: a comment, a doctype or a bogus comment; CDATA is not followed. */
    private int markupDeclaration(int at) {
        if (page.startsWith("--", at)) {
            return commentEnd(at + 2);
        }
        if (page.startsWith("[CDATA[", at)) {
            return STOP;
        }
        return afterNext('>', at);
    }

    /**
     * The end of a comment whose text starts at {@code at}: {@code <!-->} and {@code <!--->} end at once, any other
     * at the first {@code -->} or {@code --!>}.
     */
    private int commentEnd(int at) {
        if (page.startsWith(">", at)) {
            return at + 1;
        }
        if (page.startsWith("->", at)) {
            return at + 2;
        }
        int dashes = page.indexOf("-->", at);
        int last = dashes < 0 ? length : dashes;
        // A "--!>" before the "-->" ends the comment first; looked for inside the comment only, not in the whole page
        for (int bang = at; bang < last; bang++) {
            if (page.charAt(bang) == '-' && page.startsWith("-!>", bang + 1)) {
                return bang + 4;
            }
        }
        return dashes < 0 ? STOP : dashes + 3;
    }

    /** After {@code </}. */
    private int endTag(int at) {
        if (at >= length) {
            return STOP;
        }
        char first = page.charAt(at);
        if (first == '>') {
            return at + 1;
        }
        if (!isAsciiLetter(first)) {
            return afterNext('>', at); // a bogus comment
        }
        if (!readTag(at)) {
            return STOP;
        }
        if (svgDepth == 0) {
            inNoscript &= !name.equals("noscript"); // the first </noscript> ends the island, nested or not
            return tagEnd;
        }
        // In SVG jsoup closes the innermost open element of that name; a name not open there reaches the HTML
        // around the SVG (as </br> and </p> always do), which is not followed.
        for (int open = svgDepth - 1; open >= 0; open--) {
            if (svg[open].equals(name) && !name.equals("br") && !name.equals("p")) {
                svgDepth = open;
                return tagEnd;
            }
        }
        return STOP;
    }

    /** At the first letter of a start tag's name. */
    private int startTag(int at) {
        if (!readTag(at) || UNFOLLOWED.contains(name)) {
            return STOP;
        }
        if (svgDepth > 0) {
            return svgStartTag();
        }
        if (inNoscript) {
            // jsoup reads a noscript "island" as plain markup: no SVG content, and a self-closed element is empty
            return isRawText(name) && !selfClosing ? rawText() : tagEnd;
        }
        switch (name) {
            case "svg" -> {
                if (!selfClosing) {
                    push();
                }
                return tagEnd;
            }
            case "noscript" -> {
                inNoscript = true;
                return selfClosing ? STOP : tagEnd;
            }
            default -> {
                // A raw-text element's contents follow its start tag even when it is written self-closed
                // (<script/>), as jsoup 1.24 reads it outside noscript
                return isRawText(name) ? rawText() : tagEnd;
            }
        }
    }

    private static boolean isRawText(String name) {
        return name.equals("script") || name.equals("style") || RAW_TEXT.contains(name);
    }

    /** After the start tag of a raw-text element in HTML: where its contents end, noted when they are inert. */
    private int rawText() {
        int end = name.equals("script") ? scriptEnd(tagEnd) : rawTextEnd(tagEnd, name);
        if (end != STOP && (name.equals("style") || name.equals("script") && isJavaScript(type))) {
            add(tagEnd, end);
        }
        return end;
    }

    /**
     * A start tag inside SVG: markup, but for {@code <script>}, whose contents jsoup reads as script text (even
     * after {@code <script/>}) and leaves in the page here.
     */
    private int svgStartTag() {
        if (SVG_BREAKOUT.contains(name)) {
            return STOP;
        }
        if (name.equals("script")) {
            return scriptEnd(tagEnd);
        }
        if (selfClosing) {
            return tagEnd;
        }
        push();
        if (SVG_HTML.contains(name)) {
            // HTML inside SVG is not followed; plain text up to the end tag is
            int close = page.indexOf('<', tagEnd);
            return close >= 0 && isEndTag(close, name) ? close : STOP;
        }
        return tagEnd;
    }

    private void push() {
        if (svgDepth == svg.length) {
            svg = Arrays.copyOf(svg, 2 * svgDepth);
        }
        svg[svgDepth++] = name;
    }

    /** Where the raw text of element {@code element}, starting at {@code at}, ends: at its end tag. */
    private int rawTextEnd(int at, String element) {
        for (int open = page.indexOf('<', at); open >= 0; open = page.indexOf('<', open + 1)) {
            if (isEndTag(open, element)) {
                return open;
            }
        }
        return STOP;
    }

    /**
     * Where script text starting at {@code at} ends: at the first {@code </script}. A {@code <!--} before it puts
     * jsoup's tokeniser into its escaped script states, which are not followed.
     */
    private int scriptEnd(int at) {
        for (int open = page.indexOf('<', at); open >= 0; open = page.indexOf('<', open + 1)) {
            if (isEndTag(open, "script")) {
                return open;
            }
            if (page.startsWith("!--", open + 1)) {
                return STOP;
            }
        }
        return STOP;
    }

    /** True when an end tag of {@code element} (in any case) starts at {@code at}, as jsoup's tokeniser ends one. */
    private boolean isEndTag(int at, String element) {
        int after = at + 2 + element.length();
        return after < length && page.startsWith("</", at) && regionEqualsAsciiCaseless(at + 2, element)
                && isTagNameEnd(page.charAt(after));
    }

    /**
     * Reads the tag whose name starts at {@code at} (the first letter): its name, attributes (noting the first
     * {@code type}) and end, as jsoup's tokeniser states read them. False when the page ends inside it.
     */
    private boolean readTag(int at) {
        int i = at;
        while (i < length && !isTagNameEnd(page.charAt(i))) {
            i++;
        }
        // Inside SVG every name matters (jsoup closes SVG elements by name); elsewhere only a few do, and the many
        // other tags of a page need no string of their own
        name = svgDepth > 0 ? page.substring(at, i).toLowerCase(Locale.ROOT) : knownName(at, i);
        type = null;
        selfClosing = false;
        while (i < length) {
            char c = page.charAt(i++);
            if (c == '>') {
                tagEnd = i;
                return true;
            }
            if (c == '/') {
                selfClosing = i < length && page.charAt(i) == '>';
                continue;
            }
            if (isSpace(c)) {
                continue;
            }
            // An attribute name: every char up to a space, '/', '=' or '>' (quotes included)
            int nameStart = i - 1;
            while (i < length && !isTagNameEnd(page.charAt(i)) && page.charAt(i) != '=') {
                i++;
            }
            int nameEnd = i;
            while (i < length && isSpace(page.charAt(i))) {
                i++;
            }
            if (i >= length || page.charAt(i) != '=') {
                continue; // no value
            }
            i++;
            while (i < length && isSpace(page.charAt(i))) {
                i++;
            }
            if (i >= length) {
                return false;
            }
            int valueStart;
            int valueEnd;
            char quote = page.charAt(i);
            if (quote == '"' || quote == '\'') {
                valueStart = i + 1;
                valueEnd = page.indexOf(quote, valueStart);
                if (valueEnd < 0) {
                    return false;
                }
                i = valueEnd + 1;
            } else if (quote == '>') {
                continue; // an empty value; the '>' ends the tag
            } else {
                valueStart = i;
                while (i < length && !isSpace(page.charAt(i)) && page.charAt(i) != '>') {
                    i++;
                }
                valueEnd = i;
            }
            if (type == null && nameEnd - nameStart == 4 && regionEqualsAsciiCaseless(nameStart, "type")) {
                type = page.substring(valueStart, valueEnd);
            }
        }
        return false;
    }

    /**
     * True for a classic or module script: no type, an empty one, or a JavaScript MIME type (HTML Standard,
     * "prepare the script element"). A value with a character reference is not decoded here, so not judged.
     */
    private static boolean isJavaScript(String type) {
        if (type == null) {
            return true;
        }
        String value = type.strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() || value.equals("module") || value.indexOf('&') < 0
                && (value.contains("javascript") || value.contains("ecmascript") || value.contains("jscript")
                || value.contains("livescript"));
    }

    /** The name between {@code start} and {@code end} if it is one of {@link #KNOWN} (in any case), else "". */
    private String knownName(int start, int end) {
        if (end - start < KNOWN.length) {
            for (String known : KNOWN[end - start]) {
                if (regionEqualsAsciiCaseless(start, known)) {
                    return known;
                }
            }
        }
        return "";
    }

    private static String[][] byLength(List<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        String[][] table = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int size = length;
            table[length] = names.stream().filter(name -> name.length() == size).toArray(String[]::new);
        }
        return table;
    }

    private void add(int start, int end) {
        if (end > start) {
            if (count + 2 > ranges.length) {
                ranges = Arrays.copyOf(ranges, 2 * ranges.length);
            }
            ranges[count++] = start;
            ranges[count++] = end;
        }
    }

    private int afterNext(char c, int at) {
        int found = page.indexOf(c, at);
        return found < 0 ? STOP : found + 1;
    }

    private boolean regionEqualsAsciiCaseless(int at, String lower) {
        if (at + lower.length() > length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = page.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The characters jsoup's tokeniser treats as white space inside tags; most chars are past ' ' and fail at once. */
    private static boolean isSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
    }

    private static boolean isTagNameEnd(char c) {
        return c <= '>' && (c == '>' || c == '/' || isSpace(c));
    }
}
