package huixun.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A normalised article with its labels, best first; publish stores it.
 *
 * @param topics  topic labels, best first; empty when nothing scored
 * @param regions regions the article is about, best first
 * @param people      people (and organisations, code prefixed {@code org:}) named in the article, best first
 * @param keywords    the article's top terms by TF-IDF, best first
 * @param simhash     64-bit SimHash of the Simplified text as 16 hex digits, or null
 * @param contentHash SHA-256 of the normalised Simplified text as hex, or null
 * @param duplicateOf the id of the earliest stored article this one nearly duplicates, or null
 */
public record ArticleClassified(int schemaVersion, String articleId, String submissionId, ArticleNormalised article,
                                List<Label> topics, List<Label> regions, Instant classifiedAt, List<Label> people,
                                List<Label> keywords, String simhash, String contentHash, String duplicateOf)
        implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public ArticleClassified {
        topics = topics == null ? List.of() : List.copyOf(topics);
        regions = regions == null ? List.of() : List.copyOf(regions);
        people = people == null ? List.of() : List.copyOf(people);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public ArticleClassified(ArticleNormalised article, List<Label> topics, List<Label> regions,
                             Instant classifiedAt) {
        this(SCHEMA_VERSION, article.articleId(), article.submissionId(), article, topics, regions, classifiedAt,
                null, null, null, null, null);
    }
}
