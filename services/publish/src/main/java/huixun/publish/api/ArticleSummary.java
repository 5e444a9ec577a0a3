package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import io.quarkus.hibernate.reactive.panache.common.ProjectedFieldName;

import java.time.Instant;

/**
 * An article in a list. Also the query projection: the component names are the entity's attribute names.
 *
 * @param topic  the best topic label's code, or null
 * @param region the best region label's code, or null
 * @param source the host of the article's URL
 * @param createdAt when publish first heard of the article: the list's order
 * @param script      ISO 15924 script of a Chinese page (Hans, Hant), or null
 * @param duplicateOf the id of the earlier article this one nearly duplicates, or null
 */
public record ArticleSummary(String id, String url, @ProjectedFieldName("content.title") String title,
                             ArticleStatus status, String reason, String topic, String region,
                             @ProjectedFieldName("content.language") String language,
                             @ProjectedFieldName("content.publishedAt") Instant publishedAt, Instant updatedAt,
                             String source, Instant createdAt, @ProjectedFieldName("details.script") String script,
                             @ProjectedFieldName("details.duplicateOf") String duplicateOf) {
}
