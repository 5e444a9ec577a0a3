package huixun.publish.api;

import huixun.contracts.ArticleStatus;

import java.time.Instant;

/**
 * An article in a list. Also the query projection: the component names are the entity's attribute names.
 *
 * @param topic  the best topic label's code, or null
 * @param region the best region label's code, or null
 * @param source the host of the article's URL
 * @param createdAt when publish first heard of the article: the list's order
 */
public record ArticleSummary(String id, String url, String title, ArticleStatus status, String reason, String topic,
                             String region, String language, Instant publishedAt, Instant updatedAt, String source,
                             Instant createdAt) {
}
