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
        out = withoutSpacesBetweenCjk(out);
        // An ideographic space next to Latin text separates words: it becomes one ordinary space.
        return out.indexOf('\u3000') < 0 ? out : IDEOGRAPHIC_SPACE.matcher(out).replaceAll(" ");
    }

    /**
     * {@code text} without the spaces between two CJK characters: what
     * {@code (?<=C)[\s\u3000\u00A0]+(?=C)}{@code .replaceAll("")} leaves, where C is
     * {@code [\p{IsHan}\p{IsHiragana}\p{IsKatakana}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]}, found as Java's regex
     * engine finds it (UnicodeCleanerTest compares the two) without testing Unicode scripts at every position: a
     * match starts at a space right after a CJK character (the lookbehind reads that one char), takes the longest run
     * of spaces followed by a CJK character (U+3000 is both, so a run may end at one), and the next search starts
     * where it ended. The regex was a fifth of the paragraph normalisation of Chinese pages.
     */
    static String withoutSpacesBetweenCjk(String text) {
        StringBuilder out = null;
        int copied = 0;
        int at = 1;
        while (at < text.length()) {
            if (isSpace(text.charAt(at)) && isCjk(text.charAt(at - 1))) {
                int run = at;
                while (run < text.length() && isSpace(text.charAt(run))) {
                    run++;
                }
                int end = run;
                while (end > at && !(end < text.length() && isCjk(text.codePointAt(end)))) {
                    end--;
                }
                if (end > at) {
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    out.append(text, copied, at);
                    copied = end;
                    at = end;
                    continue;
                }
            }
            at++;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** {@code [\s\u3000\u00A0]} of {@link #SPACE_BETWEEN_CJK}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u3000' || c == '\u00A0';
    }

    /** C of {@link #withoutSpacesBetweenCjk}. */
    private static boolean isCjk(int cp) {
        if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF01 && cp <= 0xFF0F || cp >= 0xFF1A && cp <= 0xFF20) {
            return true;
        }
        if (cp < 0x2E80) {
            return false; // below the first Han radical: no Han, Hiragana or Katakana (UnicodeCleanerTest checks)
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** NFC and half-width letters and digits only; spacing is kept (headlines separate clauses with a space). */
    public String characters(String text) {
        if (text == null || text.isEmpty() || isPlainLatin(text)) {
            return text;
        }
        String out = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (hasInvisible(out)) {
            out = INVISIBLE.matcher(out).replaceAll("");
        }
        return halfWidthAlphanumerics(out);
    }

    /**
     * Text of Latin letters and punctuation needs nothing: characters below U+0300 without the controls, and the
     * dashes, quotes and marks of U+2010–2027 and U+2030–205E (the typographic punctuation of English pages). Every
     * string of them is NFC: none changes under NFC or composes with what precedes it (UnicodeCleanerTest checks every
     * pair), and the invisible and full-width characters lie outside. Most paragraphs of Latin-script pages are such
     * text, and one scan replaces the NFC check and the scans for invisible and full-width characters.
     */
    static boolean isPlainLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c < '\u0300' ? c >= 0x20 && (c < 0x7F || c > 0x9F) || c == '\t' || c == '\n' || c == '\r'
                    : c >= '\u2010' && c <= '\u2027' || c >= '\u2030' && c <= '\u205E')) {
                return false;
            }
        }
        return true;
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
