package huixun.publish.search;

import java.util.LinkedHashSet;
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

    private SearchText() {
    }

    /**
     * The text's two parts.
     *
     * @param latin the text with every CJK character replaced by a space, for {@code to_tsvector('english', …)}
     * @param cjk   the CJK lexemes (characters and bigrams), each once, in order of appearance
     */
    public record Split(String latin, Set<String> cjk) {
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

    private static Split split(String text, boolean withCharacters) {
        if (text == null || text.isEmpty()) {
            return new Split("", Set.of());
        }
        String bounded = text.length() > MAX_INDEXED_CHARS ? text.substring(0, MAX_INDEXED_CHARS) : text;
        StringBuilder latin = new StringBuilder(bounded.length());
        Set<String> cjk = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        bounded.codePoints().forEach(cp -> {
            if (isCjk(cp)) {
                run.appendCodePoint(cp);
                latin.append(' ');
            } else {
                addRun(run, cjk, withCharacters);
                latin.appendCodePoint(cp);
            }
        });
        addRun(run, cjk, withCharacters);
        return new Split(latin.toString(), cjk);
    }

    private static void addRun(StringBuilder run, Set<String> cjk, boolean withCharacters) {
        int[] cps = run.codePoints().toArray();
        run.setLength(0);
        if (cps.length == 1) {
            cjk.add(new String(cps, 0, 1));
            return;
        }
        for (int i = 0; i < cps.length; i++) {
            if (withCharacters) {
                cjk.add(new String(cps, i, 1));
            }
            if (i + 1 < cps.length) {
                cjk.add(new String(cps, i, 2));
            }
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
