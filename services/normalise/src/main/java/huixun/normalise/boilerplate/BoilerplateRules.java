package huixun.normalise.boilerplate;

import huixun.normalise.metadata.MetadataRules;
import huixun.normalise.selector.RuleSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated content of {@code rules/boilerplate.yml}: what to remove from a page before looking for the article,
 * which paragraphs of the article are boilerplate, and where the metadata comes from.
 *
 * @param removals  selectors of page chrome, in file order
 * @param lines     patterns a whole paragraph must match to be dropped
 * @param ignores   patterns removed from a paragraph before {@code lines} are tried
 * @param fields    patterns of paragraphs that are moved out of the body into a field (editor, original title, source)
 * @param postTitle the title in front of each post on a page showing several posts in one template (structure)
 * @param caption   a photo's caption or credit outside {@code <figcaption>} (structure)
 */
public record BoilerplateRules(List<RemovalRule> removals, List<LineRule> lines, List<IgnoreRule> ignores,
                               MetadataRules metadata, List<FieldRule> fields, RuleSelector postTitle,
                               RuleSelector caption) {

    public BoilerplateRules {
        removals = List.copyOf(removals);
        lines = List.copyOf(lines);
        ignores = List.copyOf(ignores);
        fields = List.copyOf(fields);
    }

    public BoilerplateRules(List<RemovalRule> removals, List<LineRule> lines, List<IgnoreRule> ignores,
                            MetadataRules metadata) {
        this(removals, lines, ignores, metadata, List.of(), null, null);
    }

    /** Every selector of the file, for {@link huixun.normalise.selector.SelectorSet}: removals, metadata, structure. */
    public List<RuleSelector> selectors() {
        List<RuleSelector> selectors = new ArrayList<>();
        removals.forEach(rule -> selectors.add(rule.selector()));
        if (metadata != null) {
            selectors.addAll(metadata.selectors());
        }
        if (postTitle != null) {
            selectors.add(postTitle);
        }
        if (caption != null) {
            selectors.add(caption);
        }
        return selectors;
    }

    /** The field a paragraph, trimmed, moves into, with the value; empty when it is no such line. */
    public Optional<FieldValue> field(String paragraph) {
        String line = paragraph.strip();
        for (FieldRule rule : fields) {
            if (!rule.fits(line)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(line);
            if (m.matches() && !m.group("value").isBlank()) {
                return Optional.of(new FieldValue(rule.field(), m.group("value").strip()));
            }
        }
        return Optional.empty();
    }

    /** The article fields boilerplate lines move into. */
    public enum Field { EDITOR, ORIGINAL_TITLE, SOURCE_NAME }

    /**
     * A paragraph matching {@code pattern} in full moves into {@code field}: its named group {@code value}.
     *
     * @param longest  the most chars {@code pattern} matches, or -1 when unbounded ({@link MatchLength})
     * @param required text every match contains, when known ({@link RequiredText})
     */
    public record FieldRule(String id, Field field, Pattern pattern, int longest, RequiredText required) {
        public FieldRule(String id, Field field, Pattern pattern) {
            this(id, field, pattern, MatchLength.longest(pattern), RequiredText.of(pattern));
        }

        /** False when {@code line} is too long for the pattern to match in full, or lacks text it requires. */
        boolean fits(String line) {
            return (longest == MatchLength.UNBOUNDED || line.length() <= longest) && required.mayMatch(line);
        }
    }

    public record FieldValue(Field field, String value) {
    }

    /** True when a paragraph, trimmed, is boilerplate rather than article text (an editor credit, a restated title). */
    public boolean isBoilerplateLine(String paragraph) {
        String probe = paragraph;
        for (IgnoreRule ignore : ignores) {
            if (ignore.required().mayMatch(probe)) {
                probe = ignore.pattern().matcher(probe).replaceAll("");
            }
        }
        String line = probe.strip();
        for (LineRule rule : lines) {
            if (rule.fits(line) && rule.pattern().matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text matching {@code pattern} is removed from a paragraph before the line rules are tried.
     *
     * @param required text every match contains, when known ({@link RequiredText}): a paragraph without it is left
     *                 as it is without running the pattern
     */
    public record IgnoreRule(Pattern pattern, RequiredText required) {
        public IgnoreRule(Pattern pattern) {
            this(pattern, RequiredText.of(pattern));
        }
    }

    /** Elements matching {@code selector} (a jsoup CSS selector, parsed once at load) are page chrome. */
    public record RemovalRule(String id, RuleSelector selector) {
    }

    /**
     * A paragraph matching {@code pattern} in full is boilerplate.
     *
     * @param longest  the most chars {@code pattern} matches, or -1 when unbounded ({@link MatchLength})
     * @param required text every match contains, when known ({@link RequiredText})
     */
    public record LineRule(String id, Pattern pattern, int longest, RequiredText required) {
        public LineRule(String id, Pattern pattern) {
            this(id, pattern, MatchLength.longest(pattern), RequiredText.of(pattern));
        }

        /** False when {@code line} is too long for the pattern to match in full, or lacks text it requires. */
        boolean fits(String line) {
            return (longest == MatchLength.UNBOUNDED || line.length() <= longest) && required.mayMatch(line);
        }
    }
}
