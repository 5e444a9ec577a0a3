package huixun.publish.api;

import java.util.List;

/**
 * One page of articles, newest first.
 *
 * @param page  the zero-based page number asked for; null when the page was asked for by {@code cursor}
 * @param size  the page size asked for; {@code items} is shorter on the last page
 * @param total how many articles match the filters in all
 * @param next  the cursor of the following page, or null on the last page
 */
public record ArticlePage(List<ArticleSummary> items, Integer page, int size, long total, String next) {
}
