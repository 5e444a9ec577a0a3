package huixun.classify;

import huixun.classify.match.WeightedText;
import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.TopicClassifier;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Attaches topics and regions to a normalised article. Plain CPU work: no I/O. */
@ApplicationScoped
public class ArticleLabeller {
    private final TopicClassifier topics;
    private final GazetteerMatcher regions;

    public ArticleLabeller(TopicClassifier topics, GazetteerMatcher regions) {
        this.topics = topics;
        this.regions = regions;
    }

    public ArticleClassified label(ArticleNormalised article) {
        WeightedText text = new WeightedText(article.title(), article.text());
        return new ArticleClassified(article, topics.classify(text), regions.regions(text), Instant.now());
    }
}
