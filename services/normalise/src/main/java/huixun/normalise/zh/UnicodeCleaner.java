package huixun.normalise.zh;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings a paragraph's characters to one form: Unicode NFC; full-width ASCII letters and digits ({@code ＡＢＣ１２３})
 * to their ASCII form, while Chinese punctuation ({@code ，。：（）}) stays full-width, as Chinese text writes it; the
 * ideographic space U+3000 (paragraph indents, padding in bylines) and spaces between two CJK characters removed,
 * because Chinese has no spaces between words and such spaces are layout left in the text. Control characters and
 * invisible zero-width characters go too: pages carry them as copy-paste debris or to defeat text matching, and
 * they would split words for search and duplicate detection ({@code 疫\u200b情}).
 */
public final class UnicodeCleaner {
    private static final Pattern SPACE_BETWEEN_CJK = Pattern.compile(
            "(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20])"
                    + "[\\s\\u3000\\u00A0]+"
                    + "(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20])");
    private static final Pattern IDEOGRAPHIC_SPACE = Pattern.compile("\\u3000+");
    /**
     * C0 and C1 controls but tab and line breaks; zero-width space, word joiner and BOM everywhere; zero-width
     * (non-)joiners next to CJK only, since emoji sequences and Indic and Persian scripts need them.
     */
    private static final String CJK = "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]";
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B\\u2060\\uFEFF]"
                    + "|(?<=" + CJK + ")[\\u200C\\u200D]|[\\u200C\\u200D](?=" + CJK + ")");

    /**
     * {@code text} (a paragraph, or a piece of one between inline elements) cleaned. Leading and trailing spaces are
     * the caller's: next to a link they separate words.
     */
    public String clean(String text) {
        String out = characters(text);
        if (out == null || !hasSpaceToClean(out)) {
            return out;
        }
        out = SPACE_BETWEEN_CJK.matcher(out).replaceAll("");
        // An ideographic space next to Latin text separates words: it becomes one ordinary space.
        return IDEOGRAPHIC_SPACE.matcher(out).replaceAll(" ");
    }

    /** NFC and half-width letters and digits only; spacing is kept (headlines separate clauses with a space). */
    public String characters(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (hasInvisible(out)) {
            out = INVISIBLE.matcher(out).replaceAll("");
        }
        return halfWidthAlphanumerics(out);
    }

    /** A cheap scan first: almost no paragraph has any, and the pattern costs more than the scan. */
    private static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                    || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    /** Only text with an ideographic space, or a space and some CJK character, needs the patterns. */
    private static boolean hasSpaceToClean(String text) {
        boolean space = false;
        boolean cjk = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                return true;
            }
            space |= c == ' ' || c == '\u00A0' || c == '\t';
            cjk |= c >= '\u2E80';
        }
        return space && cjk;
    }

    private static String halfWidthAlphanumerics(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean fullWidth = (c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
            if (fullWidth) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, (char) (c - 0xFEE0)); // U+FF10..FF5A sit 0xFEE0 above ASCII
            }
        }
        return out == null ? text : out.toString();
    }
}
