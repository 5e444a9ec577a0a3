package huixun.normalise.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [class~=regex]} (or {@code [id~=regex]}) patterns of a {@link SelectorSet}, each with the selector bit
 * it sets, tested together on one attribute value. The rules write a class pattern as a list of names between name
 * boundaries, {@code (?i)(^|[\s_-])(nav|menu|top-bar|related\w*)($|[\s_-])}: such a pattern can only match where
 * a name of the value starts with the literal beginning of one of its alternatives ({@code nav}, {@code menu},
 * {@code top-bar}, {@code related}), so the value's names are looked up first and a pattern runs only when one fits.
 * Patterns of any other form always run. Either way the outcome is the regex's own.
 */
final class WordPatterns {
    /** Start boundary, the alternatives, end boundary; an optional leading (?i). */
    private static final Pattern WORD_LIST = Pattern.compile(
            "(\\(\\?i\\))?(?:\\(\\^\\|\\[\\\\s_-\\]\\)|\\(\\^\\|\\\\s\\)|\\^)\\((.+)\\)"
                    + "(?:\\(\\$\\|\\[\\\\s_-\\]\\)|\\(\\\\s\\|\\$\\)|\\$)");
    private static final String LITERAL = "abcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final String QUANTIFIERS = "?*+{";
    private static final int ASCII = 128;

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Long> bits = new ArrayList<>();
    /** Patterns of any other form: they always run. */
    private final List<Integer> unfiltered = new ArrayList<>();
    /**
     * The literal beginnings (lower case) of one character, each with the pattern it belongs to, indexed by the
     * character: every literal beginning is made of {@link #LITERAL}'s ASCII characters.
     */
    private final List<List<Beginning>> byFirstChar = new ArrayList<>(Collections.nCopies(ASCII, null));
    /**
     * The longer literal beginnings by their first two characters ({@code 128 × first + second}): a name is compared
     * only with the beginnings it shares two characters with (many share the first: pager, pagination, player …).
     */
    private final List<List<Beginning>> byFirstTwo = new ArrayList<>(Collections.nCopies(ASCII * ASCII, null));

    private record Beginning(String text, int pattern) {
    }

    void add(Pattern pattern, long bit) {
        int index = patterns.size();
        patterns.add(pattern);
        bits.add(bit);
        List<String> beginnings = beginnings(pattern.pattern());
        if (beginnings == null) {
            unfiltered.add(index);
            return;
        }
        for (String beginning : beginnings) {
            List<List<Beginning>> table = beginning.length() == 1 ? byFirstChar : byFirstTwo;
            int key = beginning.length() == 1 ? beginning.charAt(0) : ASCII * beginning.charAt(0) + beginning.charAt(1);
            if (table.get(key) == null) {
                table.set(key, new ArrayList<>());
            }
            table.get(key).add(new Beginning(beginning, index));
        }
    }

    /** The bits of the patterns found in {@code value}. */
    long found(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean[] candidates = new boolean[patterns.size()];
        unfiltered.forEach(index -> candidates[index] = true);
        // A name starts the value or follows a space, '_' or '-'.
        for (int at = 0; at < lower.length(); at++) {
            if (at > 0 && !isBoundary(lower.charAt(at - 1))) {
                continue;
            }
            char first = lower.charAt(at);
            if (first >= ASCII) {
                continue;
            }
            List<Beginning> single = byFirstChar.get(first);
            if (single != null) {
                single.forEach(beginning -> candidates[beginning.pattern()] = true);
            }
            char second = at + 1 < lower.length() ? lower.charAt(at + 1) : 0;
            List<Beginning> longer = second == 0 || second >= ASCII ? null : byFirstTwo.get(ASCII * first + second);
            if (longer != null) {
                for (Beginning beginning : longer) {
                    if (lower.startsWith(beginning.text(), at)) {
                        candidates[beginning.pattern()] = true;
                    }
                }
            }
        }
        long found = 0;
        for (int i = 0; i < candidates.length; i++) {
            long bit = bits.get(i);
            if (candidates[i] && (found & bit) == 0 && patterns.get(i).matcher(value).find()) {
                found |= bit;
            }
        }
        return found;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '_' || c == '-';
    }

    /**
     * The literal beginning of each alternative of a name-list pattern: its leading letters, digits, '_' and '-',
     * less a last character a quantifier makes optional ({@code comments?} begins {@code comment}). Null when the
     * pattern has another form or an alternative has no literal beginning.
     */
    static List<String> beginnings(String regex) {
        Matcher list = WORD_LIST.matcher(regex);
        if (!list.matches() || !RuleSelector.isBalanced(list.group(2))) {
            return null;
        }
        List<String> beginnings = new ArrayList<>();
        for (String alternative : RuleSelector.split(list.group(2), '|')) {
            int end = 0;
            while (end < alternative.length() && LITERAL.indexOf(alternative.charAt(end)) >= 0) {
                end++;
            }
            if (end < alternative.length() && QUANTIFIERS.indexOf(alternative.charAt(end)) >= 0) {
                end--;
            }
            if (end <= 0) {
                return null;
            }
            beginnings.add(alternative.substring(0, end).toLowerCase(Locale.ROOT));
        }
        return beginnings;
    }
}
