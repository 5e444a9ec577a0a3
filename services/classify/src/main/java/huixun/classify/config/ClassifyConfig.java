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
         * Besides the best topic, an article also gets every topic whose share of the keyword hits reaches this.
         * 0.2 keeps the second theme of a report (health in a politics story about epidemic control).
         */
        @WithDefault("0.2")
        double threshold();
    }

    interface Region {
        /** Besides the most mentioned region, every region whose share of the weighted mentions reaches this. */
        @WithDefault("0.25")
        double minShare();
    }
}
