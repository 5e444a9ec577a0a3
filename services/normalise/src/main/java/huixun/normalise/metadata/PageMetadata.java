package huixun.normalise.metadata;

import java.time.Instant;

/**
 * What a page says about its article; any field may be null when the page does not say.
 *
 * @param publishedAt the publication time as an instant (local times read in the page's zone)
 * @param language    the primary language subtag, e.g. {@code zh}
 */
public record PageMetadata(String title, Instant publishedAt, String author, String language) {
}
