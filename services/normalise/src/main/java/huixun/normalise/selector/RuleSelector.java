package huixun.normalise.selector;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jsoup CSS selector of the rules file, split into its comma-separated groups so that a {@link SelectorSet} can
 * match the groups that depend only on an element's own tag and attributes in one walk over the page, for all
 * selectors at once. Matching is jsoup's: a group {@code [class~=regex]} or {@code [id~=regex]} is the same regex
 * found in the attribute's value (tested once per distinct value on a page instead of once per element and rule),
 * every other group is jsoup's own evaluator. Groups that look at the element's surroundings ({@code :has(…)},
 * combinators) are evaluated when the selector is used, on the page as it is then; {@code :has(> conditions)} by
 * testing the conditions on every element as a child of its parent.
 */
public final class RuleSelector {
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern ATTRIBUTE_PATTERN = Pattern.compile("\\[(class|id)~=(.+)]");
    /** An optional tag and attribute conditions without brackets in their values: nothing outside the element. */
    private static final Pattern OWN_ATTRIBUTES = Pattern.compile("([a-z][a-z0-9]*)?((\\[[^\\[\\]]+])+)");
    private static final Pattern FIRST_KEY = Pattern.compile("\\[\\s*([^\\s=~^$*!|\\]]+)");
    /** {@code :has(> conditions)}: the element has a child meeting the conditions. */
    private static final Pattern HAS_CHILD = Pattern.compile(":has\\(\\s*>\\s*(.+)\\)");
    /** Pseudo-classes that look beyond the element they are tested on, or at nodes other than elements. */
    private static final Pattern BEYOND_ELEMENT = Pattern.compile(":(has|not|is|where|root)\\b|::");

    private final String query;
    private final Evaluator whole;
    private final Set<String> tags = new HashSet<>();
    private final List<Pattern> classPatterns = new ArrayList<>();
    private final List<Pattern> idPatterns = new ArrayList<>();
    private final List<AttributeGroup> attributeGroups = new ArrayList<>();
    private final List<Evaluator> childConditions = new ArrayList<>();
    private final List<Evaluator> structural = new ArrayList<>();

    /** Tag and attribute conditions: {@code key} names an attribute they require, {@code tag} the tag or null. */
    record AttributeGroup(String tag, String key, Evaluator evaluator) {
    }

    private RuleSelector(String query) {
        this.query = query;
        this.whole = QueryParser.parse(query);
        for (String group : groups(query)) {
            Matcher attributePattern = ATTRIBUTE_PATTERN.matcher(group);
            Matcher own = OWN_ATTRIBUTES.matcher(group);
            Matcher hasChild = HAS_CHILD.matcher(group);
            if (TAG.matcher(group).matches()) {
                tags.add(group);
            } else if (attributePattern.matches() && isBalanced(attributePattern.group(2))) {
                // jsoup compiles the text after ~= as it stands and finds it in the attribute's value
                (attributePattern.group(1).equals("class") ? classPatterns : idPatterns)
                        .add(Pattern.compile(attributePattern.group(2)));
            } else if (own.matches() && isPlainKey(own.group(2))) {
                Matcher key = FIRST_KEY.matcher(own.group(2));
                key.lookingAt();
                attributeGroups.add(new AttributeGroup(own.group(1), key.group(1).toLowerCase(Locale.ROOT),
                        QueryParser.parse(group)));
            } else if (hasChild.matches() && isCompound(hasChild.group(1))) {
                childConditions.add(QueryParser.parse(hasChild.group(1)));
            } else {
                structural.add(QueryParser.parse(group));
            }
        }
    }

    /**
     * Parses a selector.
     *
     * @throws org.jsoup.select.Selector.SelectorParseException when jsoup cannot parse it
     */
    public static RuleSelector parse(String query) {
        return new RuleSelector(query.strip());
    }

    /** True when {@code element} matches, evaluated directly (jsoup's evaluator of the whole selector). */
    public boolean matches(Element root, Element element) {
        return whole.matches(root, element);
    }

    Set<String> tags() {
        return tags;
    }

    List<Pattern> classPatterns() {
        return classPatterns;
    }

    List<Pattern> idPatterns() {
        return idPatterns;
    }

    List<AttributeGroup> attributeGroups() {
        return attributeGroups;
    }

    /**
     * The conditions of the groups {@code :has(> conditions)}: an element matches when one of its children meets
     * them, tested with the element as the root as jsoup's {@code :has} does. Testing each element of a page once as
     * a child, instead of the children of every element through jsoup's {@code :has}, gives the same matches.
     */
    List<Evaluator> childConditions() {
        return childConditions;
    }

    List<Evaluator> structural() {
        return structural;
    }

    /**
     * True when {@code conditions} constrain one element alone: no combinator outside brackets, parentheses and
     * quotes, and no pseudo-class looking at other elements or at text nodes.
     */
    static boolean isCompound(String conditions) {
        if (!isBalanced(conditions) || BEYOND_ELEMENT.matcher(conditions).find()) {
            return false;
        }
        for (char combinator : new char[] {' ', '\t', '\n', '>', '+', '~', ','}) {
            if (split(conditions, combinator).size() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the first condition names one attribute by its key: not a key prefix ({@code [^data-]}), any key
     * ({@code [*]}) or an absolute URL ({@code [abs:href]}), which no attribute of the element is keyed by.
     */
    private static boolean isPlainKey(String conditions) {
        Matcher key = FIRST_KEY.matcher(conditions);
        return key.lookingAt() && !key.group(1).contains(":");
    }

    /**
     * True when no bracket or parenthesis of {@code text} closes before it opens and all are closed, and it holds no
     * quotes: then the text is one regex, not the end of one condition and the start of the next.
     */
    static boolean isBalanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '"' || c == '\'') {
                return false;
            }
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The comma-separated groups of a selector. */
    static List<String> groups(String query) {
        return split(query, ',');
    }

    /** {@code text} cut at {@code separator}; separators inside brackets, parentheses and quotes do not cut. */
    static List<String> split(String text, char separator) {
        List<String> groups = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '\\') {
                i++; // an escaped character is literal
            } else if (c == separator && depth == 0) {
                groups.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        groups.add(text.substring(start).strip());
        return groups;
    }

    @Override
    public String toString() {
        return query;
    }
}
