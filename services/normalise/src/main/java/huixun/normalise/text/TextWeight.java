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
            int cp = Character.codePointAt(text, i);
            if (Character.isLetterOrDigit(cp)) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
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

    /** Han ideographs, kana and hangul in {@code text}. */
    public static int cjk(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
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
