package huixun.classify.match;

import java.util.Locale;

/**
 * Counts how often a term occurs in a text. CJK terms are counted as substrings (Chinese has no spaces between
 * words); Latin terms only as whole words, case-insensitively, so "art" does not match "party".
 */
public final class TermCounter {
    private TermCounter() {
    }

    /** @param lowerText {@code text} in lower case ({@link Locale#ROOT}), made once by the caller for many terms */
    public static int count(String text, String lowerText, String term) {
        if (text.isEmpty() || term.isEmpty()) {
            return 0;
        }
        boolean latin = term.chars().allMatch(c -> c < 0x2E80);
        String haystack = latin ? lowerText : text;
        String needle = latin ? term.toLowerCase(Locale.ROOT) : term;
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            if (!latin || isWholeWord(haystack, at, needle.length())) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWholeWord(String text, int start, int length) {
        int end = start + length;
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}
