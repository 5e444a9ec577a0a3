package huixun.normalise.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a page says about its article; any field may be null (siteCategories empty) when the page does not say.
 *
 * @param publishedAt    the publication time as an instant (local times read in the page's zone)
 * @param language       the primary language subtag, e.g. {@code zh}
 * @param updatedAt      the time of the last change, never before {@code publishedAt}
 * @param canonicalUrl   the article's own absolute http(s) address as the page names it
 * @param leadImage      the absolute http(s) address of the image the page names for shares
 * @param siteCategories the site's sections leading to the article, broadest first, without the home page
 * @param provenance     for each field found, where it was read (keys as in {@code ArticleNormalised}:
 *                       {@code title -> og:title}, {@code publishedAt -> json-ld datePublished})
 */
public record PageMetadata(String title, Instant publishedAt, String author, String language, Instant updatedAt,
                           String canonicalUrl, String leadImage, String description, List<String> siteCategories,
                           Map<String, String> provenance) {

    public PageMetadata {
        siteCategories = List.copyOf(siteCategories);
        provenance = Map.copyOf(provenance);
    }
}
