package huixun.normalise.extract;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import org.junit.jupiter.api.BeforeAll;
import huixun.contracts.FailureReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages built to hurt a parser: the extractor must return an outcome (article or not) without an exception, so the
 * consumer never goes down on one page. The time and memory budget is tested with limits every page exceeds, so
 * the outcome does not depend on the speed of the machine.
 */
class PathologicalPageTest {
    private static final String NESTED = "<html><body>" + "<div>".repeat(100_000)
            + "<p>这是一段足够长的正文文字，讲述了会议的主要内容和下一步的工作安排，以及各方的意见。</p>"
            + "</div>".repeat(100_000) + "</body></html>";
    private static ArticleExtractor extractor;

    @BeforeAll
    static void loadRules() throws InvalidRulesException {
        extractor = new ArticleExtractor(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE),
                2_000_000, 50);
    }

    @Test
    void hundredThousandNestedDivsGiveAnOutcome() {
        assertNotNull(extractor.extract(NESTED, "https://example.cn/deep"));
    }

    @Test
    void pageOverTheTimeLimitEndsWithTimeout() throws InvalidRulesException {
        ArticleExtractor noTime = new ArticleExtractor(
                BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE), 2_000_000, 50, Duration.ZERO,
                Long.MAX_VALUE);
        Extraction.OverLimit over = assertInstanceOf(Extraction.OverLimit.class,
                noTime.extract(NESTED, "https://example.cn/deep"));
        assertEquals(FailureReason.TIMEOUT, over.reason());
        assertTrue(over.detail().startsWith("extraction took more than 0 ms of CPU time"), over.detail());
    }

    @Test
    void pageOverTheMemoryLimitEndsWithTooLarge() throws InvalidRulesException {
        ArticleExtractor noMemory = new ArticleExtractor(
                BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE), 2_000_000, 50,
                Duration.ofDays(1), 1);
        Extraction.OverLimit over = assertInstanceOf(Extraction.OverLimit.class,
                noMemory.extract(NESTED, "https://example.cn/deep"));
        assertEquals(FailureReason.TOO_LARGE, over.reason());
    }

    @Test
    void tenMegabyteSingleLineIsCutAtTheBodyLimit() {
        String line = "正文很长但没有任何标记。".repeat(900_000); // about 10.8 million characters on one line
        Extraction extraction = extractor.extract("<html><body><p>" + line + "</p></body></html>", null);
        Extraction.Article article = assertInstanceOf(Extraction.Article.class, extraction);
        assertTrue(article.text().length() <= 2_000_000, "more than max-body-chars came through");
    }

    @Test
    void brokenMarkupGivesAnOutcome() {
        String html = "<html><body><div><p>未闭合的段落<b><i>交错的标签</b></i><table><tr><td>单元格<p>段落"
                + "<<<>>>&&&#xZZZZ;<script>unterminated".repeat(2_000);
        assertNotNull(extractor.extract(html, "https://example.cn/broken"));
    }
}
