package huixun.fetch.feed;

import java.util.List;

/**
 * What a poll found in a feed or sitemap.
 *
 * @param title    the feed's own title, or null (sitemaps have none)
 * @param itemUrls the items' links in document order, as written in the feed (absolute)
 */
public record ParsedFeed(String title, List<String> itemUrls) {
    public ParsedFeed {
        itemUrls = List.copyOf(itemUrls);
    }
}
