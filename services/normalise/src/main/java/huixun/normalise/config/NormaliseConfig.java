package huixun.normalise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /**
     * CPU time the extraction of one page may take (the extracting thread's, so a busy machine does not fail healthy
     * pages); a page still extracting then ends FAILED with reason {@code timeout} (stage normalise) and the consumer
     * goes on with the next record. Real pages take a few milliseconds.
     */
    @WithDefault("2s")
    Duration timeLimit();

    /**
     * Bytes the extraction of one page may allocate (measured per thread, an upper bound of the memory it holds); a
     * page needing more ends FAILED with reason {@code too_large}. Real pages allocate a few MiB (the benchmark pages
     * at most 13 MiB); a 2,000,000-character single-line page about 170 MiB.
     */
    @WithDefault("1073741824")
    long maxAllocatedBytes();
}
