package huixun.normalise.extract;

import java.time.Instant;

/** What {@link ArticleExtractor} found in a page: an article, or the reason there is none. */
public sealed interface Extraction permits Extraction.Article, Extraction.NoArticle {

    /**
     * An extracted article.
     *
     * @param title         the headline; Simplified when the page is Traditional Chinese
     * @param text          paragraphs as plain text, separated by a blank line; Simplified when the page is
     *                      Traditional Chinese
     * @param html          the same paragraphs (and images) as sanitised HTML, in the script of {@code text}
     * @param publishedAt   publication time, or null when the page does not say
     * @param author        the byline, or null
     * @param language      {@code zh}, {@code en}, {@code ja}, {@code ko} from the text, else the primary subtag of
     *                      {@code <html lang>}, or null
     * @param textOriginal  {@code text} in the page's own script (equal to {@code text} unless it is Traditional)
     * @param script        {@code Hant} or {@code Hans} for Chinese text, else null
     * @param editor        the editor credit moved out of the body, or null
     * @param originalTitle the original headline ({@code 原标题}) moved out of the body, or null
     * @param sourceName    the original publisher ({@code 来源}) moved out of the body, or null
     */
    record Article(String title, String text, String html, Instant publishedAt, String author, String language,
                   String textOriginal, String script, String editor, String originalTitle,
                   String sourceName) implements Extraction {
    }

    /** The page holds no article text; {@code detail} says what was found instead, for the status timeline. */
    record NoArticle(String detail) implements Extraction {
    }
}
