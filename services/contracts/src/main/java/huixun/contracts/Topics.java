package huixun.contracts;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names. A channel is named after its topic. Every topic but {@link #SUBMISSIONS_ACCEPTED} is keyed by
 * article id, so one article's events stay ordered on one partition; submissions are keyed by host so that one
 * fetch consumer owns a host and can keep its politeness delay.
 */
public final class Topics {
    /** {@link huixun.contracts.events.SubmissionAccepted}: written by the submission API, read by fetch. */
    public static final String SUBMISSIONS_ACCEPTED = "submissions-accepted";
    /** {@link huixun.contracts.events.PageFetched}: fetch to normalise. */
    public static final String PAGES_FETCHED = "pages-fetched";
    /** {@link huixun.contracts.events.ArticleNormalised}: normalise to classify. */
    public static final String ARTICLES_NORMALISED = "articles-normalised";
    /** {@link huixun.contracts.events.ArticleClassified}: classify to publish. */
    public static final String ARTICLES_CLASSIFIED = "articles-classified";
    /** {@link huixun.contracts.events.StatusChanged}: every stage to publish. */
    public static final String STATUSES_CHANGED = "statuses-changed";

    /**
     * Classify's near-duplicate index: the fingerprint of each article, keyed by article id. State rather than a
     * stream, so compacted, and every classify replica reads all of it; no dead-letter twin.
     */
    public static final String ARTICLE_FINGERPRINTS = "article-fingerprints";

    /** Topics that hold state: compacted, read whole at start. */
    public static final List<String> COMPACTED = List.of(ARTICLE_FINGERPRINTS);

    /** The topics the stages consume, in pipeline order. */
    public static final List<String> CONSUMED = List.of(
            SUBMISSIONS_ACCEPTED, PAGES_FETCHED, ARTICLES_NORMALISED, ARTICLES_CLASSIFIED, STATUSES_CHANGED);

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic: records a stage could not process land there with reason headers. */
    public static String deadLetter(String topic) {
        return topic + "-dlq";
    }

    /** Every topic the pipeline uses: the consumed ones with their dead-letter twins, then the compacted ones. */
    public static List<String> all() {
        return Stream.concat(CONSUMED.stream().flatMap(t -> List.of(t, deadLetter(t)).stream()),
                COMPACTED.stream()).toList();
    }
}
