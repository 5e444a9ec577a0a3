package huixun.normalise.metadata;

import org.jsoup.select.Evaluator;

import java.util.regex.Pattern;

/**
 * Where {@link MetadataReader} looks, as given in {@code rules/boilerplate.yml} under {@code metadata}: jsoup
 * selectors (parsed once at load: jsoup parses a selector string, and compiles its regexes, at every select), a
 * pattern splitting {@code <title>} into headline and site name, one stripping a byline's label and one naming the
 * breadcrumb entries that lead home rather than to a section.
 */
public record MetadataRules(Evaluator titleMeta, Evaluator headline, Evaluator siteName, Pattern titleSeparator,
                            Evaluator publishedMeta, Evaluator publishedJsonLd, Evaluator publishedTimeElement,
                            Evaluator publishedText, Evaluator authorMeta, Evaluator authorByline,
                            Pattern authorLabel, Evaluator updatedMeta, Evaluator updatedTimeElement,
                            Evaluator canonical, Evaluator leadImage, Evaluator description, Evaluator breadcrumb,
                            Pattern breadcrumbHome, Evaluator section) {
}
