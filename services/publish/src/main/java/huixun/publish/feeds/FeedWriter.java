package huixun.publish.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import huixun.contracts.events.Label;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleContent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes articles as RSS 2.0 and Atom 1.0 (Rome) or JSON Feed 1.1 (Jackson). Every entry carries the full sanitised
 * HTML, and its id (RSS guid, Atom id, JSON Feed id) is {@link #guid}: built from the article id alone, so a new
 * version updates the entry instead of adding one.
 */
@ApplicationScoped
public class FeedWriter {
    private final ObjectMapper json;

    public FeedWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What a feed is about.
     *
     * @param id    the feed's own stable id (Atom requires one)
     * @param link   the page the feed stands for
     * @param self   the feed's own URL
     * @param reader the web reader's base URL: entries link to their article page there
     */
    public record Channel(String id, String title, String description, String link, String self, String reader) {
        String articleLink(String articleId) {
            return reader + "/articles/" + articleId;
        }
    }

    /** The stable entry id of an article: a tag URI (RFC 4151) naming the article, not a version. */
    public static String guid(String articleId) {
        return "tag:huixun,2026:article:" + articleId;
    }

    public String write(FeedFormat format, Channel channel, List<Article> articles) {
        return format == FeedFormat.JSON ? jsonFeed(channel, articles) : rome(format, channel, articles);
    }

    private String rome(FeedFormat format, Channel channel, List<Article> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setUri(channel.id());
        feed.setTitle(channel.title());
        feed.setDescription(channel.description());
        feed.setLink(channel.link());
        feed.setPublishedDate(Date.from(latest(articles)));
        List<SyndEntry> entries = new ArrayList<>();
        for (Article article : articles) {
            ArticleContent shown = article.content();
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(guid(article.id()));
            entry.setLink(channel.articleLink(article.id()));
            entry.setTitle(shown.title());
            entry.setAuthor(shown.author());
            entry.setPublishedDate(Date.from(published(article)));
            entry.setUpdatedDate(Date.from(article.updatedAt()));
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(shown.html());
            entry.setContents(List.of(content));
            List<SyndCategory> categories = new ArrayList<>();
            for (Label label : labels(article)) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(label.name());
                categories.add(category);
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + format + " feed " + channel.id(), e);
        }
    }

    private String jsonFeed(Channel channel, List<Article> articles) {
        List<JsonFeed.Item> items = articles.stream().map(article -> {
            ArticleContent shown = article.content();
            return new JsonFeed.Item(guid(article.id()), channel.articleLink(article.id()), article.url(),
                    shown.title(), shown.html(), null, published(article), article.updatedAt(),
                    shown.author() == null ? null : List.of(new JsonFeed.Author(shown.author())),
                    labels(article).stream().map(Label::name).toList(), shown.language());
        }).toList();
        try {
            return json.writeValueAsString(new JsonFeed(JsonFeed.VERSION, channel.title(), channel.link(),
                    channel.self(), channel.description(), null, items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON feed " + channel.id(), e);
        }
    }

    private static List<Label> labels(Article article) {
        List<Label> labels = new ArrayList<>(article.content().topics());
        labels.addAll(article.content().regions());
        return labels;
    }

    private static Instant published(Article article) {
        Instant publishedAt = article.content().publishedAt();
        return publishedAt != null ? publishedAt : article.createdAt();
    }

    // An empty feed still needs a date: the epoch says "nothing yet" without changing from one request to the next.
    private static Instant latest(List<Article> articles) {
        return articles.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
