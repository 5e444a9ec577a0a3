package huixun.normalise.extract;

import java.time.Instant;

/** What {@link ArticleExtractor} found in a page: an article, or the reason there is none. */
public sealed interface Extraction permits Extraction.Article, Extraction.NoArticle {

    /**
     * An extracted article.
     *
     * @param text        paragraphs as plain text, separated by a blank line
     * @param html        the same paragraphs (and images) as sanitised HTML
     * @param publishedAt publication time, or null when the page does not say
     * @param author      the byline, or null
     * @param language    {@code zh}, {@code en}, another primary language subtag from {@code <html lang>}, or null
     */
    record Article(String title, String text, String html, Instant publishedAt, String author,
                   String language) implements Extraction {
    }

    /** The page holds no article text; {@code detail} says what was found instead, for the status timeline. */
    record NoArticle(String detail) implements Extraction {
    }
}
