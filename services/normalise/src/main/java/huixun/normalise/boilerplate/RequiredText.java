package huixun.normalise.boilerplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text any match of a regex contains, read from its source, so that a paragraph without it is known not to match
 * without running the regex: the line and field rules are tried on every paragraph, and a rule such as
 * {@code .{0,30}(尽在|下载|打开).{0,20}(APP|客户端)} backtracks through every short paragraph before it fails, while
 * nearly every paragraph contains none of its words.
 *
 * <p>The text is the first element of the regex's top-level sequence that every match passes through: a literal
 * character ({@code 原}, {@code \(}), or a group of literal alternatives ({@code (责任编辑|责编)}), not made optional by
 * a quantifier. A regex of another form (top-level alternatives, case-insensitive or comments mode, no such element,
 * or syntax this reader does not know) has no required text, and always runs.
 */
public final class RequiredText {
    private static final RequiredText NONE = new RequiredText(null);
    private static final String META = "\\[](){}.*+?^$|";

    /** One of these occurs in every match; null when unknown. */
    private final List<String> alternatives;

    private RequiredText(List<String> alternatives) {
        this.alternatives = alternatives;
    }

    static RequiredText of(Pattern pattern) {
        if ((pattern.flags() & (Pattern.CASE_INSENSITIVE | Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ))
                != 0) {
            return NONE;
        }
        try {
            List<String> found = new Reader(pattern.pattern()).required();
            return found == null ? NONE : new RequiredText(List.copyOf(found));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return NONE; // a form this reader does not know; the regex itself compiled
        }
    }

    /** False only when {@code text} holds none of the required alternatives: then the regex cannot match in it. */
    boolean mayMatch(String text) {
        if (alternatives == null) {
            return true;
        }
        for (String alternative : alternatives) {
            if (text.contains(alternative)) {
                return true;
            }
        }
        return false;
    }

    /** The alternatives read, for tests; null when none are known. */
    List<String> alternatives() {
        return alternatives;
    }

    /** Reads the top-level sequence of a regex source. */
    private static final class Reader {
        private final String regex;
        private int at;

        Reader(String regex) {
            this.regex = regex;
        }

        /** Reads the whole regex: a top-level alternative anywhere means nothing is common to all matches. */
        List<String> required() {
            List<String> found = null;
            while (at < regex.length()) {
                char c = regex.charAt(at);
                if (c == '|' || c == ')') {
                    return null;
                }
                List<String> element = element();
                if (element == FLAGS) {
                    return null; // inline flags such as (?i) may change how literals match
                }
                boolean optional = optionalQuantifier();
                if (found == null && element != null && !optional) {
                    found = element;
                }
            }
            return found;
        }

        /** Marks an inline flag group. */
        private static final List<String> FLAGS = List.of();

        /** One element; its literal alternatives when it is a literal or a group of literals, else null. */
        private List<String> element() {
            char c = regex.charAt(at++);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    at = MatchLength.afterClass(regex, at);
                    return null;
                }
                case '\\' -> {
                    char escaped = regex.charAt(at++);
                    if (META.indexOf(escaped) >= 0 || escaped == '-' || escaped == '/') {
                        return List.of(String.valueOf(escaped));
                    }
                    skipEscape(escaped);
                    return null;
                }
                case '.', '^', '$' -> {
                    return null;
                }
                default -> {
                    if (Character.isHighSurrogate(c) && at < regex.length()
                            && Character.isLowSurrogate(regex.charAt(at))) {
                        at++;
                        return List.of(regex.substring(at - 2, at));
                    }
                    return List.of(String.valueOf(c));
                }
            }
        }

        /** After '(': literal alternatives of a plain, non-capturing or named group; null for other groups. */
        private List<String> group() {
            boolean plain = true;
            if (regex.charAt(at) == '?') {
                char kind = regex.charAt(at + 1);
                if (kind == ':') {
                    at += 2;
                } else if (kind == '<' && regex.charAt(at + 2) != '=' && regex.charAt(at + 2) != '!') {
                    at = regex.indexOf('>', at) + 1; // a named group
                } else if (Character.isLetter(kind) || kind == '-') {
                    return FLAGS;
                } else {
                    plain = false; // a lookaround or an atomic group
                }
            }
            int start = at;
            int end = closingParenthesis();
            List<String> alternatives = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (int i = start; plain && i < end; i++) {
                char c = regex.charAt(i);
                if (c == '|') {
                    alternatives.add(literal.toString());
                    literal.setLength(0);
                } else if (c == '\\' && i + 1 < end && (META.indexOf(regex.charAt(i + 1)) >= 0
                        || regex.charAt(i + 1) == '-' || regex.charAt(i + 1) == '/')) {
                    literal.append(regex.charAt(++i));
                } else if (META.indexOf(c) >= 0) {
                    plain = false;
                } else {
                    literal.append(c);
                }
            }
            at = end + 1;
            alternatives.add(literal.toString());
            boolean empty = alternatives.stream().anyMatch(String::isEmpty);
            return plain && !empty ? alternatives : null;
        }

        /** The index of the ')' closing the group whose contents start here. */
        private int closingParenthesis() {
            int depth = 1;
            int i = at;
            while (true) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    i = MatchLength.afterClass(regex, i + 1);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
                i++;
            }
        }

        /** After a backslash and {@code escaped}: skips the rest of the escape. */
        private void skipEscape(char escaped) {
            switch (escaped) {
                case 'p', 'P', 'N' -> at = regex.charAt(at) == '{' ? regex.indexOf('}', at) + 1 : at + 1;
                case 'x' -> at = regex.charAt(at) == '{' ? regex.indexOf('}', at) + 1 : at + 2;
                case 'u' -> at += 4;
                case 'c' -> at++;
                case 'Q', 'k', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                        throw new IndexOutOfBoundsException("quoted text, an octal escape or a back-reference");
                default -> {
                    // a one-letter class (\s, \d), an anchor (\b) or a back-reference digit: nothing more to skip
                }
            }
        }

        /** Consumes a quantifier, if any; true when it allows no repetition of the element before. */
        private boolean optionalQuantifier() {
            if (at >= regex.length()) {
                return false;
            }
            char c = regex.charAt(at);
            boolean optional;
            if (c == '?' || c == '*') {
                at++;
                optional = true;
            } else if (c == '+') {
                at++;
                optional = false;
            } else if (c == '{') {
                int end = regex.indexOf('}', at);
                String least = regex.substring(at + 1, end).split(",", -1)[0].strip();
                at = end + 1;
                optional = Integer.parseInt(least) == 0;
            } else {
                return false;
            }
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                at++; // reluctant or possessive: the same bounds
            }
            return optional;
        }
    }
}
