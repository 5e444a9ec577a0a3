package huixun.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A normalised article with its labels, best first; publish stores it.
 *
 * @param topics  topic labels, best first; empty when nothing scored
 * @param regions regions the article is about, best first
 */
public record ArticleClassified(int schemaVersion, String articleId, String submissionId, ArticleNormalised article,
                                List<Label> topics, List<Label> regions, Instant classifiedAt)
        implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public ArticleClassified(ArticleNormalised article, List<Label> topics, List<Label> regions,
                             Instant classifiedAt) {
        this(SCHEMA_VERSION, article.articleId(), article.submissionId(), article, topics, regions, classifiedAt);
    }
}
