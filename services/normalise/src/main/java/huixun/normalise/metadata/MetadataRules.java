package huixun.normalise.metadata;

import huixun.normalise.selector.RuleSelector;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where {@link MetadataReader} looks, as given in {@code rules/boilerplate.yml} under {@code metadata}: jsoup
 * selectors (parsed once at load: jsoup parses a selector string, and compiles its regexes, at every select), a
 * pattern splitting {@code <title>} into headline and site name, one stripping a byline's label and one naming the
 * breadcrumb entries that lead home rather than to a section.
 */
public record MetadataRules(RuleSelector titleMeta, RuleSelector headline, RuleSelector siteName,
                            Pattern titleSeparator, RuleSelector publishedMeta, RuleSelector publishedJsonLd,
                            RuleSelector publishedTimeElement, RuleSelector publishedText, RuleSelector authorMeta,
                            RuleSelector authorByline, Pattern authorLabel, RuleSelector updatedMeta,
                            RuleSelector updatedTimeElement, RuleSelector canonical, RuleSelector leadImage,
                            RuleSelector description, RuleSelector breadcrumb, Pattern breadcrumbHome,
                            RuleSelector section) {

    /** The selectors, to be matched together in one walk over a page. */
    public List<RuleSelector> selectors() {
        return List.of(titleMeta, headline, siteName, publishedMeta, publishedJsonLd, publishedTimeElement,
                publishedText, authorMeta, authorByline, updatedMeta, updatedTimeElement, canonical, leadImage,
                description, breadcrumb, section);
    }
}
