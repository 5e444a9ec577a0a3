package huixun.fetch.feed;

import java.util.List;

/**
 * {@code POST /api/v1/feeds}.
 *
 * @param url             an RSS, Atom or JSON Feed URL, or a (news) sitemap
 * @param intervalSeconds how often to poll it; absent: {@code huixun.fetch.feeds.default-interval}
 * @param categories      up to three labels, broadest first: group, source, feed (e.g. {@code [金融, 新浪财经,
 *                        新浪财经－国內]}); absent: the feed's host and title
 */
public record FeedRequest(String url, Integer intervalSeconds, List<String> categories) {
}
