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
 * {@code top-bar}, {@code related}), so the value's names are looked up first. An alternative that is all literal
 * ({@code nav}) is then decided on the spot, by the regex's own rules for its boundaries and case; a pattern runs
 * only when the beginning of another alternative fits ({@code related…}). Patterns of any other form always run.
 * Either way the outcome is the regex's own.
 */
final class WordPatterns {
    /** An optional leading (?i), the start boundary, the alternatives, the end boundary. */
    private static final Pattern WORD_LIST = Pattern.compile(
            "(\\(\\?i\\))?(\\(\\^\\|\\[\\\\s_-\\]\\)|\\(\\^\\|\\\\s\\)|\\^)\\((.+)\\)"
                    + "(\\(\\$\\|\\[\\\\s_-\\]\\)|\\(\\\\s\\|\\$\\)|\\$)");
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

    /**
     * What may stand before or after a name in a pattern: {@code [\s_-]} (or the value's start or end), {@code \s}
     * (or start or end), or only the value's start or end ({@code ^}, {@code $}).
     */
    private enum Boundary {
        NAME, SPACE, EDGE;

        static Boundary of(String regex) {
            return regex.contains("_-") ? NAME : regex.contains("\\s") ? SPACE : EDGE;
        }
    }

    /**
     * A literal beginning of an alternative of pattern {@code pattern}; {@code whole} when it is the whole
     * alternative, which then matches by itself: {@code caseless} as under (?i), between {@code start} and
     * {@code end}.
     */
    private record Beginning(String text, int pattern, boolean whole, boolean caseless, Boundary start,
                             Boundary end) {
    }

    void add(Pattern pattern, long bit) {
        int index = patterns.size();
        patterns.add(pattern);
        bits.add(bit);
        Matcher list = nameList(pattern.pattern());
        List<String> beginnings = list == null ? null : beginnings(list);
        if (beginnings == null) {
            unfiltered.add(index);
            return;
        }
        List<String> alternatives = RuleSelector.split(list.group(3), '|');
        for (int i = 0; i < beginnings.size(); i++) {
            String beginning = beginnings.get(i);
            List<List<Beginning>> table = beginning.length() == 1 ? byFirstChar : byFirstTwo;
            int key = beginning.length() == 1 ? beginning.charAt(0) : ASCII * beginning.charAt(0) + beginning.charAt(1);
            if (table.get(key) == null) {
                table.set(key, new ArrayList<>());
            }
            table.get(key).add(new Beginning(beginning, index, beginning.equals(alternatives.get(i)),
                    list.group(1) != null, Boundary.of(list.group(2)), Boundary.of(list.group(4))));
        }
    }

    /** The bits of the patterns found in {@code value}. */
    long found(String value) {
        long found = 0;
        boolean[] toRun = new boolean[patterns.size()];
        unfiltered.forEach(index -> toRun[index] = true);
        int length = value.length();
        // A name starts the value or follows a space, '_' or '-'.
        for (int at = 0; at < length; at++) {
            if (at > 0 && !isBoundary(value.charAt(at - 1))) {
                continue;
            }
            char first = asciiLower(value.charAt(at));
            if (first >= ASCII) {
                continue;
            }
            List<Beginning> single = byFirstChar.get(first);
            if (single != null) {
                for (Beginning beginning : single) {
                    found |= fit(beginning, value, at, toRun);
                }
            }
            char second = at + 1 < length ? asciiLower(value.charAt(at + 1)) : 0;
            List<Beginning> longer = second == 0 || second >= ASCII ? null : byFirstTwo.get(ASCII * first + second);
            if (longer != null) {
                for (Beginning beginning : longer) {
                    if (startsWithLower(value, at, beginning.text())) {
                        found |= fit(beginning, value, at, toRun);
                    }
                }
            }
        }
        for (int i = 0; i < toRun.length; i++) {
            long bit = bits.get(i);
            if (toRun[i] && (found & bit) == 0 && patterns.get(i).matcher(value).find()) {
                found |= bit;
            }
        }
        return found;
    }

    /**
     * The bit of {@code beginning}'s pattern when it is a whole alternative that matches at {@code at}; for the
     * beginning of a longer alternative, the pattern is marked to run instead.
     */
    private long fit(Beginning beginning, String value, int at, boolean[] toRun) {
        if (!beginning.whole()) {
            toRun[beginning.pattern()] = true;
            return 0;
        }
        String text = beginning.text();
        int end = at + text.length();
        boolean matches = (beginning.caseless() || value.startsWith(text, at))
                && (at == 0 || beginning.start() != Boundary.EDGE && separates(value.charAt(at - 1), beginning.start()))
                && (isDollar(value, end) || end < value.length() && beginning.end() != Boundary.EDGE
                && separates(value.charAt(end), beginning.end()));
        return matches ? bits.get(beginning.pattern()) : 0;
    }

    /** {@code c} is in the regex class {@code [\s_-]} or {@code \s}: ASCII whitespace, '_' or '-' for names. */
    private static boolean separates(char c, Boundary boundary) {
        boolean space = c == ' ' || c >= '\t' && c <= '\r';
        return space || boundary == Boundary.NAME && (c == '_' || c == '-');
    }

    /**
     * Where a regex {@code $} matches without the MULTILINE flag: at the end, or before a line terminator that ends
     * the value.
     */
    private static boolean isDollar(String value, int at) {
        int rest = value.length() - at;
        if (rest == 0) {
            return true;
        }
        char c = value.charAt(at);
        return rest == 1 && (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                || rest == 2 && c == '\r' && value.charAt(at + 1) == '\n';
    }

    /** (?i) without UNICODE_CASE folds ASCII letters only, as this does. */
    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean startsWithLower(String value, int at, String lower) {
        if (at + lower.length() > value.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (asciiLower(value.charAt(at + i)) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '_' || c == '-';
    }

    /** The parts of a name-list pattern, or null for a pattern of another form. */
    private static Matcher nameList(String regex) {
        Matcher list = WORD_LIST.matcher(regex);
        return list.matches() && RuleSelector.isBalanced(list.group(3)) ? list : null;
    }

    /**
     * The literal beginning of each alternative of a name-list pattern: its leading letters, digits, '_' and '-',
     * less a last character a quantifier makes optional ({@code comments?} begins {@code comment}). Null when an
     * alternative has no literal beginning.
     */
    private static List<String> beginnings(Matcher list) {
        List<String> beginnings = new ArrayList<>();
        for (String alternative : RuleSelector.split(list.group(3), '|')) {
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
