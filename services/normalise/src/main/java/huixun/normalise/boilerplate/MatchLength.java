package huixun.normalise.boilerplate;

import java.util.regex.Pattern;

/**
 * The most characters a regex can match, read from its source, so that a paragraph longer than that is known not to
 * match in full without running the regex: the line rules are tried on every paragraph, and a rule such as
 * {@code .{2,100}[（(]原[标標][题題][)）]} backtracks a hundred times over a long paragraph before it fails.
 *
 * <p>Each element of the regex matches at most one code point (two chars), a group the longest of its alternatives,
 * a quantifier its upper bound; lookarounds, anchors and flags match nothing. Whatever it does not know (a
 * back-reference, {@code *}, {@code +}, an open upper bound, comments mode, {@code \X}) makes the regex unbounded.
 */
final class MatchLength {
    /** Returned for a regex whose matches have no known upper length. */
    static final int UNBOUNDED = -1;

    private final String regex;
    private int at;

    private MatchLength(String regex) {
        this.regex = regex;
    }

    /** The most chars {@code pattern} can match, or {@link #UNBOUNDED}. */
    static int longest(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return UNBOUNDED;
        }
        MatchLength reader = new MatchLength(pattern.pattern());
        try {
            long codePoints = reader.alternatives();
            if (reader.at != reader.regex.length() || codePoints < 0 || codePoints > Integer.MAX_VALUE / 2) {
                return UNBOUNDED;
            }
            return (int) (2 * codePoints); // a code point is one or two chars
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return UNBOUNDED; // a form this reader does not know; the regex itself compiled
        }
    }

    /** Alternatives up to the end or a closing parenthesis: the longest, in code points; -1 when unbounded. */
    private long alternatives() {
        long longest = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            longest = max(longest, sequence());
        }
        return longest;
    }

    private long sequence() {
        long total = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            long atom = atom();
            long repeat = quantifier();
            long length = atom == 0 ? 0 : atom < 0 || repeat < 0 ? -1 : atom * repeat;
            total = total < 0 || length < 0 ? -1 : total + length;
        }
        return total;
    }

    private long atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                at = afterClass(regex, at);
                return 1;
            }
            case '\\' -> {
                return escape();
            }
            case '^', '$' -> {
                return 0;
            }
            default -> {
                if (Character.isHighSurrogate(c) && at < regex.length() && Character.isLowSurrogate(regex.charAt(at))) {
                    at++;
                }
                return 1;
            }
        }
    }

    /** After '(': a group, a lookaround (nothing) or flags; the closing parenthesis is consumed. */
    private long group() {
        boolean lookaround = false;
        if (regex.charAt(at) == '?') {
            at++;
            char kind = regex.charAt(at);
            if (kind == '=' || kind == '!') {
                lookaround = true;
                at++;
            } else if (kind == '<' && (regex.charAt(at + 1) == '=' || regex.charAt(at + 1) == '!')) {
                lookaround = true;
                at += 2;
            } else if (kind == '<') {
                at = regex.indexOf('>', at) + 1; // a named group
            } else if (kind == '>' || kind == ':') {
                at++;
            } else {
                int end = at;
                while (Character.isLetter(regex.charAt(end)) || regex.charAt(end) == '-') {
                    end++;
                }
                if (regex.substring(at, end).contains("x")) {
                    return -1;
                }
                at = end + 1;
                if (regex.charAt(end) == ')') {
                    return 0; // flags for the rest, such as (?i)
                }
            }
        }
        long inner = alternatives();
        if (regex.charAt(at) != ')') {
            throw new IndexOutOfBoundsException("unclosed group");
        }
        at++;
        return lookaround ? 0 : inner;
    }

    /**
     * The index after the closing bracket of the character class whose contents start at {@code from} (after its
     * '['), nested classes and escapes included; an {@link IndexOutOfBoundsException} for a form not read here.
     */
    static int afterClass(String regex, int from) {
        int at = from;
        if (regex.charAt(at) == '^') {
            at++;
        }
        if (regex.charAt(at) == ']') {
            throw new IndexOutOfBoundsException("a class opening with ']'"); // unknown form
        }
        int depth = 1;
        while (depth > 0) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        return at;
    }

    /** After '\': the code points the escape matches at most. */
    private long escape() {
        char c = regex.charAt(at++);
        switch (c) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                return 0;
            }
            case 'R' -> {
                return 2; // \r\n
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", at);
                String quoted = end < 0 ? regex.substring(at) : regex.substring(at, end);
                at = end < 0 ? regex.length() : end + 2;
                return quoted.codePointCount(0, quoted.length());
            }
            case 'p', 'P', 'N' -> {
                if (regex.charAt(at) == '{') {
                    at = regex.indexOf('}', at) + 1;
                } else {
                    at++;
                }
                return 1;
            }
            case 'x' -> {
                at = regex.charAt(at) == '{' ? regex.indexOf('}', at) + 1 : at + 2;
                return 1;
            }
            case 'u' -> {
                at += 4;
                return 1;
            }
            case 'c' -> {
                at++;
                return 1;
            }
            case '0' -> {
                while (at < regex.length() && regex.charAt(at) >= '0' && regex.charAt(at) <= '7') {
                    at++;
                }
                return 1;
            }
            default -> {
                // a back-reference (\1, \k<name>) or a grapheme cluster (\X) has no fixed bound
                return Character.isDigit(c) || c == 'k' || c == 'X' ? -1 : 1;
            }
        }
    }

    /** The most repetitions of the atom before: 1 without a quantifier, -1 when unbounded. */
    private long quantifier() {
        if (at >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(at);
        long most;
        if (c == '?') {
            at++;
            most = 1;
        } else if (c == '*' || c == '+') {
            at++;
            most = -1;
        } else if (c == '{') {
            int end = regex.indexOf('}', at);
            String bounds = regex.substring(at + 1, end);
            at = end + 1;
            int comma = bounds.indexOf(',');
            most = comma < 0 ? Long.parseLong(bounds.strip())
                    : comma == bounds.length() - 1 ? -1 : Long.parseLong(bounds.substring(comma + 1).strip());
        } else {
            return 1;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // reluctant or possessive: the same bound
        }
        return most;
    }

    private static long max(long a, long b) {
        return a < 0 || b < 0 ? -1 : Math.max(a, b);
    }
}
