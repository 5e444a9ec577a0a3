package huixun.normalise.text;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Measures text so that Chinese and English pages compare: a CJK character carries about as much as an English
 * word's letters do, and Chinese has no spaces to count words by, so every letter or digit counts one and
 * whitespace and punctuation count nothing.
 */
public final class TextWeight {
    private TextWeight() {
    }

    /** Letters and digits in {@code text}; a CJK ideograph is a letter. */
    public static int letters(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80 || isCommonHan(c)) { // most characters of a page: no Unicode table lookup
                count += isCommonHan(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        ? 1 : 0;
                i++;
            } else {
                int cp = Character.codePointAt(text, i);
                count += Character.isLetterOrDigit(cp) ? 1 : 0;
                i += Character.charCount(cp);
            }
        }
        return count;
    }

    /**
     * True for the ideographs of Unicode 1.1's CJK block (U+4E00–U+9FA5), nearly every character of Chinese text:
     * letters of the Han script, known without a Unicode table lookup.
     */
    public static boolean isCommonHan(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FA5;
    }

    /**
     * Letters and digits in the text of {@code element}, counted over its text nodes: the same count as
     * {@code letters(element.text())} without building that string (whitespace, which text() normalises, counts
     * nothing), which matters for the elements walked many times per page.
     */
    public static int letters(Element element) {
        int[] count = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                count[0] += letters(text.getWholeText());
            }
        }, element);
        return count[0];
    }

    /**
     * Adds to {@code counts} the letters ({@link #letters(CharSequence)}), CJK characters ({@link #cjk}) and Latin
     * letters (ASCII letters and the other letters of the Latin script) of {@code text}, counted in one pass, with a
     * single Unicode lookup per character outside ASCII and the common ideographs.
     *
     * @param counts letters, CJK characters and Latin letters so far, in that order
     */
    public static void measure(CharSequence text, int[] counts) {
        int letters = 0;
        int cjk = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                letters += letter || c >= '0' && c <= '9' ? 1 : 0;
                latin += letter ? 1 : 0;
                i++;
            } else if (isCommonHan(c)) {
                letters++;
                cjk++;
                i++;
            } else {
                int cp = Character.codePointAt(text, i);
                letters += Character.isLetterOrDigit(cp) ? 1 : 0;
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                cjk += isCjkScript(script) ? 1 : 0;
                latin += script == Character.UnicodeScript.LATIN ? 1 : 0;
                i += Character.charCount(cp);
            }
        }
        counts[0] += letters;
        counts[1] += cjk;
        counts[2] += latin;
    }

    /** Han ideographs, kana and hangul in {@code text}. */
    public static int cjk(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            // ASCII holds no CJK, and the common ideographs need no Unicode table lookup
            if (cp >= 0x80 && (isCommonHan(cp) || isCjkScript(Character.UnicodeScript.of(cp)))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isCjkScript(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * {@code text} without leading and trailing whitespace, including the ideographic space U+3000 that Chinese
     * sites indent paragraphs with, no-break spaces and zero-width characters.
     */
    public static String trim(String text) {
        return trimEnd(trimStart(text));
    }

    /** {@code text} without the leading whitespace {@link #trim} removes. */
    public static String trimStart(String text) {
        int start = 0;
        while (start < text.length() && isSpace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    /** {@code text} without the trailing whitespace {@link #trim} removes. */
    public static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
