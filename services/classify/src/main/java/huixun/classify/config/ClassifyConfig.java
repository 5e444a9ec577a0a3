package huixun.classify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The classify service's own settings, {@code huixun.classify.*}. */
@ConfigMapping(prefix = "huixun.classify")
public interface ClassifyConfig {
    Topic topic();

    Region region();

    Duplicates duplicates();

    interface Topic {
        /**
         * Besides the best topic, an article also gets every topic whose blended score (model probability and
         * keyword share, see TopicClassifier) reaches this. 0.15 keeps the second theme of the five seed reports on
         * epidemic-control meetings (health scores 0.17-0.32 there) and drops their third (at most 0.14).
         */
        @WithDefault("0.15")
        double threshold();
    }

    interface Region {
        /** Besides the most mentioned region, every region whose share of the weighted mentions reaches this. */
        @WithDefault("0.25")
        double minShare();
    }

    interface Duplicates {
        /**
         * k: an article whose SimHash lies within this Hamming distance of a stored one is its near-duplicate.
         * Tuned with {@code TopicCli fingerprint-tune} (docs/classification.md): at 4, 99% of Traditional copies,
         * 82% of copies in other page furniture and no different article of fudan_zh_20 match; at most 7.
         */
        @WithDefault("4")
        int maxDistance();

        /**
         * Whether the fingerprint index is kept in the compacted Kafka topic {@code article-fingerprints} (read in
         * full at start, shared by all replicas). Off, the index lives in memory only and starts empty.
         */
        @WithDefault("true")
        boolean persist();
    }
}
