package huixun.normalise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The normalise stage's own settings, {@code huixun.normalise.*}. */
@ConfigMapping(prefix = "huixun.normalise")
public interface NormaliseConfig {

    /**
     * Characters of a page that are parsed at most; the rest is ignored. Fetch passes pages up to 10 MB; the article
     * sits near the start of real pages, and this bounds the parse time and memory a single page can take.
     */
    @WithDefault("2000000")
    int maxBodyChars();

    /**
     * Fewest letters (CJK characters count one each, as do Latin letters and digits) the extracted body must have;
     * a page below it ends FAILED with reason {@code not_an_article}.
     */
    @WithDefault("50")
    int minTextChars();
}
