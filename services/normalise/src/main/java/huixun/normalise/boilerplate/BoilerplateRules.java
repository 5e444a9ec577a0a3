package huixun.normalise.boilerplate;

import huixun.normalise.metadata.MetadataRules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The validated content of {@code rules/boilerplate.yml}: what to remove from a page before looking for the article,
 * which paragraphs of the article are boilerplate, and where the metadata comes from.
 *
 * @param removals selectors of page chrome, in file order
 * @param lines    patterns a whole paragraph must match to be dropped
 * @param ignores  patterns removed from a paragraph before {@code lines} are tried
 */
public record BoilerplateRules(List<RemovalRule> removals, List<LineRule> lines, List<Pattern> ignores,
                               MetadataRules metadata) {

    public BoilerplateRules {
        removals = List.copyOf(removals);
        lines = List.copyOf(lines);
        ignores = List.copyOf(ignores);
    }

    /** True when a paragraph, trimmed, is boilerplate rather than article text (an editor credit, a restated title). */
    public boolean isBoilerplateLine(String paragraph) {
        String probe = paragraph;
        for (Pattern ignore : ignores) {
            probe = ignore.matcher(probe).replaceAll("");
        }
        String line = probe.strip();
        return lines.stream().anyMatch(rule -> rule.pattern().matcher(line).matches());
    }

    /** Elements matching {@code selector} (a jsoup CSS selector) are page chrome. */
    public record RemovalRule(String id, String selector) {
    }

    /** A paragraph matching {@code pattern} in full is boilerplate. */
    public record LineRule(String id, Pattern pattern) {
    }
}
