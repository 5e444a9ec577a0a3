package huixun.publish.hexo;

import huixun.publish.store.Article;
import huixun.publish.store.ArticleContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An article as a Hexo post, byte for byte in the format of the seed posts (/work/shared/seeds/000_*, 001_*): a
 * blank first line, YAML front matter, a blank line, then the body HTML inside a {@code <div>}, with the seeds'
 * exact padding.
 *
 * @param title      the title, written single-quoted
 * @param categories the seeds' three levels: group, source, feed
 * @param image      the first image of the body (headimg and thumbnail), or null
 * @param author     the seeds name the source here, not the byline
 * @param date       the publication time, written in RFC 1123 form at GMT
 * @param html       the sanitised body
 */
public record HexoPost(String title, List<String> categories, String image, String author, Instant date,
                       String html) {
    // RFC 1123 with a two-digit day, as the seeds write it (DateTimeFormatter.RFC_1123_DATE_TIME drops the zero).
    private static final DateTimeFormatter DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * The post for an article's current version. Categories are the feed subscription's (group, source, feed) when
     * a feed submitted the article, and the author its source name, as in the seeds; otherwise both are the site's
     * host. The image is the page's lead image, else the first image of the body.
     */
    public static String of(Article article) {
        ArticleContent content = article.content();
        return of(content.title(), article.source(), article.details().categories(), article.details().leadImage(),
                content.publishedAt() != null ? content.publishedAt() : article.createdAt(), content.html());
    }

    /**
     * The post from an article's stored fields (the export command reads them without the entity).
     *
     * @param source     the host of the article's URL, or null
     * @param categories the feed subscription's labels, or empty
     */
    public static String of(String title, String source, List<String> categories, String leadImage, Instant date,
                            String html) {
        String site = source != null ? source : "";
        String author = categories.size() >= 2 ? categories.get(1) : site;
        String body = html == null ? "" : html.strip();
        String image = leadImage != null ? leadImage : firstImage(body);
        return new HexoPost(title, categories.isEmpty() ? List.of(site) : categories, image, author, date, body)
                .write();
    }

    /** The post's text. */
    public String write() {
        StringBuilder post = new StringBuilder("\n---\n");
        post.append("title: ").append(quoted(markupFree(title))).append('\n');
        post.append("categories: \n");
        categories.forEach(category -> post.append(" - ").append(plain(markupFree(category))).append('\n'));
        post.append("headimg: ").append(quoted(image)).append('\n');
        post.append("author: ").append(plain(markupFree(author))).append('\n');
        post.append("comments: false\n");
        post.append("date: ").append(DATE.format(date)).append('\n');
        post.append("thumbnail: ").append(quoted(image)).append('\n');
        post.append("---\n\n");
        post.append("<div>   \n").append(html).append("\n  \n</div>\n            ");
        return post.toString();
    }

    static String firstImage(String html) {
        Element image = Jsoup.parseBodyFragment(html).selectFirst("img[src]");
        return image == null ? null : image.attr("src");
    }

    // Hexo themes print front-matter text into HTML, and some do so unescaped: a title that reads "<script>" must
    // arrive as text, so markup characters are written as entities (which a browser shows as the characters).
    private static String markupFree(String value) {
        return value == null ? null : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // YAML single-quoted scalar: a quote is doubled; a line break would end the scalar's line, so it becomes a space.
    private static String quoted(String value) {
        return "'" + (value == null ? "" : value.replaceAll("[\\r\\n]+", " ").replace("'", "''")) + "'";
    }

    // The seeds write categories and author as plain scalars; one that YAML would misread is quoted instead.
    private static String plain(String value) {
        if (value == null || value.isEmpty()) {
            return "''";
        }
        boolean safe = value.chars().noneMatch(c -> c == ':' || c == '#' || c == '\n' || c == '\r')
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) < 0 && value.equals(value.strip());
        return safe ? value : quoted(value);
    }
}
