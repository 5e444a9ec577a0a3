package huixun.publish.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits text into what PostgreSQL can index: its non-CJK part, which the {@code english} text-search configuration
 * stems, and its CJK part as lexemes computed here. PostgreSQL has no Chinese parser, so every run of CJK characters
 * becomes its single characters and its overlapping bigrams ({@code 疫情防控} → 疫 情 防 控 疫情 情防 防控): a
 * query's bigrams then all match wherever its words occur, without a segmentation dictionary that would miss names
 * and new words. Why bigrams rather than pg_trgm is in docs/publishing.md.
 */
public final class SearchText {
    /**
     * Beyond this many characters the rest of a text is not indexed: a tsvector holds at most 1 MB of lexemes, and
     * the first 100,000 characters of an article say what it is about.
     */
    static final int MAX_INDEXED_CHARS = 100_000;
    /** Hangul Jamo, the first block of the four scripts below. */
    private static final int FIRST_CJK_SCRIPT = 0x1100;
    /** CJK Unified Ideographs as far as Java 17 assigns them, all Han. */
    private static final int COMMON_IDEOGRAPHS_START = 0x4E00;
    private static final int COMMON_IDEOGRAPHS_END = 0x9FFC;

    private SearchText() {
    }

    /**
     * The text's two parts.
     *
     * @param latin the text with every CJK character replaced by a space, for {@code to_tsvector('english', …)}
     * @param cjk   the CJK lexemes (characters and bigrams), each once, in order of appearance
     */
    public record Split(String latin, List<String> cjk) {
        /** The CJK lexemes separated by single spaces, for {@code array_to_tsvector(string_to_array(…, ' '))}. */
        public String cjkWords() {
            return String.join(" ", cjk);
        }
    }

    /** Splits a text to index: CJK runs give their characters and their bigrams. */
    public static Split forIndex(String text) {
        return split(text, true);
    }

    /**
     * Splits a query: a CJK run of two or more characters gives only its bigrams (all must match), a lone CJK
     * character gives itself.
     */
    public static Split forQuery(String text) {
        return split(text, false);
    }

    // Publish indexes every article it stores: a plain loop over code points, since a stream per character or run
    // cost a sixth of publish's CPU under load (JFR, 2026-11).
    private static Split split(String text, boolean withCharacters) {
        if (text == null || text.isEmpty()) {
            return new Split("", List.of());
        }
        String bounded = text.length() > MAX_INDEXED_CHARS ? text.substring(0, MAX_INDEXED_CHARS) : text;
        StringBuilder latin = new StringBuilder(bounded.length());
        Lexemes cjk = new Lexemes();
        int runStart = -1;
        for (int i = 0; i < bounded.length(); ) {
            int cp = bounded.codePointAt(i);
            if (isCjk(cp)) {
                runStart = runStart < 0 ? i : runStart;
                latin.append(' ');
            } else {
                if (runStart >= 0) {
                    addRun(bounded, runStart, i, cjk, withCharacters);
                    runStart = -1;
                }
                latin.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (runStart >= 0) {
            addRun(bounded, runStart, bounded.length(), cjk, withCharacters);
        }
        return new Split(latin.toString(), cjk.inOrder);
    }

    /** Adds the lexemes of the CJK run {@code text[start, end)}: its characters (if asked for) and its bigrams. */
    private static void addRun(String text, int start, int end, Lexemes cjk, boolean withCharacters) {
        int first = text.codePointAt(start);
        int second = start + Character.charCount(first);
        if (second == end) {
            cjk.add(text, start, end, first);
            return;
        }
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (withCharacters) {
                cjk.add(text, i, next, cp);
            }
            if (next < end) {
                int following = text.codePointAt(next);
                cjk.add(text, i, next + Character.charCount(following), (long) cp << 21 | following);
            }
            i = next;
        }
    }

    /**
     * Lexemes each once, in order of appearance. Seen ones are keyed by their code points, not as strings: the hash
     * of a two-character string ({@code 31·a + b}) collides for every {@code (a + 1, b − 31)}, and with strings as
     * keys splitting stayed a fifth of publish's CPU samples under load (JFR, 2026-11).
     */
    private static final class Lexemes {
        private final List<String> inOrder = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();

        /** Adds {@code text[from, to)} unless a lexeme of the same code points ({@code key}) is already in. */
        void add(String text, int from, int to, long key) {
            if (seen.add(key)) {
                inOrder.add(text.substring(from, to));
            }
        }
    }

    private static boolean isCjk(int cp) {
        // Most characters are Latin or common ideographs: answered without the script table's binary search.
        if (cp < FIRST_CJK_SCRIPT) {
            return false;
        }
        if (cp >= COMMON_IDEOGRAPHS_START && cp <= COMMON_IDEOGRAPHS_END) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
