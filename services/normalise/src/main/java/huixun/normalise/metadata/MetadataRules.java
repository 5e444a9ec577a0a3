package huixun.normalise.metadata;

import java.util.regex.Pattern;

/**
 * Where {@link MetadataReader} looks, as given in {@code rules/boilerplate.yml} under {@code metadata}: jsoup
 * selectors, a pattern splitting {@code <title>} into headline and site name, and one stripping a byline's label.
 */
public record MetadataRules(String titleMeta, String headline, String siteName, Pattern titleSeparator,
                            String publishedMeta, String publishedJsonLd, String publishedTimeElement,
                            String publishedText, String authorMeta, String authorByline, Pattern authorLabel) {
}
