package huixun.publish.api;

import java.util.List;

/**
 * One page of articles, newest first.
 *
 * @param page  the zero-based page number asked for
 * @param size  the page size asked for; {@code items} is shorter on the last page
 * @param total how many articles there are in all
 */
public record ArticlePage(List<ArticleSummary> items, int page, int size, long total) {
}
