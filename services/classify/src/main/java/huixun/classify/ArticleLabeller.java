package huixun.classify;

import com.hankcs.hanlp.HanLP;
import huixun.classify.duplicate.FingerprintIndex;
import huixun.classify.duplicate.FingerprintStore;
import huixun.classify.duplicate.TextFingerprint;
import huixun.classify.keyword.KeywordExtractor;
import huixun.classify.match.WeightedText;
import huixun.classify.people.PeopleFinder;
import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.TopicClassifier;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Attaches topics, regions, people and keywords to a normalised article, and its fingerprints with the earlier
 * article it nearly duplicates. CPU work plus the in-memory fingerprint index.
 */
@ApplicationScoped
public class ArticleLabeller {
    /**
     * Labels are read from the first 30,000 characters of the body (a long feature is about 10,000): topics, places,
     * people and keywords are settled by then, and a pathological page of millions of characters (issue 9's
     * bad-input corpus has one) must not make segmentation take seconds and more memory than the service has. The
     * fingerprints still cover the whole body.
     */
    static final int MAX_ANALYSED_CHARS = 30_000;

    private final TopicClassifier topics;
    private final GazetteerMatcher regions;
    private final PeopleFinder people;
    private final KeywordExtractor keywords;
    private final FingerprintStore fingerprints;

    public ArticleLabeller(TopicClassifier topics, GazetteerMatcher regions, PeopleFinder people,
                           KeywordExtractor keywords, FingerprintStore fingerprints) {
        this.topics = topics;
        this.regions = regions;
        this.people = people;
        this.keywords = keywords;
        this.fingerprints = fingerprints;
    }

    public Labelled label(ArticleNormalised article) {
        // Normalise hands over Simplified text; a Traditional article that slipped through is converted here, since
        // the model, the name statistics and the segmentation dictionaries are all Simplified.
        WeightedText text = new WeightedText(simplified(article.title()), simplified(head(article.text())));
        // The body alone: titles differ between sites that carry one report ("原标题", a site's own headline).
        TextFingerprint fingerprint = TextFingerprint.of(article.text() == null || article.text().isBlank()
                ? article.title() : article.text());
        FingerprintIndex.Entry entry = fingerprints.record(article.articleId(), fingerprint);
        return new Labelled(new ArticleClassified(ArticleClassified.SCHEMA_VERSION, article.articleId(),
                article.submissionId(), article, topics.classify(text), regions.regions(text), Instant.now(),
                people.people(text), keywords.keywords(text), fingerprint.simhashHex(), fingerprint.contentHash(),
                entry.duplicateOf()), entry);
    }

    private static String head(String text) {
        return text == null || text.length() <= MAX_ANALYSED_CHARS ? text : text.substring(0, MAX_ANALYSED_CHARS);
    }

    private static String simplified(String text) {
        return text == null ? null : HanLP.convertToSimplifiedChinese(text);
    }

    /**
     * @param event       what the stage publishes
     * @param fingerprint the article's entry in the near-duplicate index, for the stage to persist
     */
    public record Labelled(ArticleClassified event, FingerprintIndex.Entry fingerprint) {
    }
}
