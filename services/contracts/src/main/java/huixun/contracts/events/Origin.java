package huixun.contracts.events;

import java.util.List;

/**
 * Where a submission came from when a feed subscription (not a person) submitted it; it travels with the article so
 * publish can file it as the feed says (the Hexo front matter's {@code categories}).
 *
 * @param feedId     the subscription's id in fetch
 * @param feedUrl    the feed or sitemap URL
 * @param feedTitle  the feed's own title, or null
 * @param categories the subscription's labels, broadest first: group, source, feed, e.g.
 *                   {@code [金融, 新浪财经, 新浪财经－国內]}
 */
public record Origin(String feedId, String feedUrl, String feedTitle, List<String> categories) {
    public Origin {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
