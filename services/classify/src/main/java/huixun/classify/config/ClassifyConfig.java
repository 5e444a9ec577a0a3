package huixun.classify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The classify service's own settings, {@code huixun.classify.*}. */
@ConfigMapping(prefix = "huixun.classify")
public interface ClassifyConfig {
    Topic topic();

    Region region();

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
}
