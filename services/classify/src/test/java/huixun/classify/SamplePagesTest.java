package huixun.classify;

import huixun.classify.config.FixedClassifyConfig;
import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.KeywordTopicClassifier;
import huixun.classify.topic.ModelTopicClassifier;
import huixun.classify.topic.TopicClassifier;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five seed pages of the sample site (samples/site, provincial meetings on COVID control) get politics and
 * health, and their province. The text is the page's headline and paragraphs as served, so the Traditional
 * mirror copies (002, 004) keep their Traditional characters and inline pinyin: harder than what normalise hands
 * over.
 */
class SamplePagesTest {
    private static final ArticleLabeller LABELLER = new ArticleLabeller(
            new TopicClassifier(new ModelTopicClassifier(), new KeywordTopicClassifier(),
                    FixedClassifyConfig.DEFAULTS),
            new GazetteerMatcher(FixedClassifyConfig.DEFAULTS));

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
            "000, guancha/news/2021/08/02/c3cd13eae5a5524c.html, UTF-8, CN-JS",
            "001, sina/china/dfjj/2021-07-28/doc-947a9ff57bb6d87f.html, GBK, CN-JS",
            "002, suxun/news/2022/03/29/5847645cb268c6cc.html, Big5-HKSCS, CN-JS",
            "003, jschina/system/2020/02/17/ce843d3c12c8db89.html, UTF-8, CN-JS",
            "004, suxun/guonei/2022/11/12/5e525eb792f21875.html, Big5-HKSCS, CN-JX"})
    void seedPageIsPoliticsAndHealthInItsProvince(String seed, String page, String charset, String region)
            throws IOException {
        ArticleClassified labelled = LABELLER.label(article(page, charset));

        List<String> topics = labelled.topics().stream().map(Label::code).toList();
        assertTrue(topics.contains("11000000"), "seed " + seed + " topics " + labelled.topics());
        assertTrue(topics.contains("07000000"), "seed " + seed + " topics " + labelled.topics());
        assertEquals(region, labelled.regions().get(0).code(), "seed " + seed + " regions " + labelled.regions());
    }

    private static ArticleNormalised article(String page, String charset) throws IOException {
        Document document = Jsoup.parse(samples().resolve(page).toFile(), charset);
        Element headline = document.selectFirst("h1");
        String text = document.select("p").stream().map(Element::text).collect(Collectors.joining("\n\n"));
        return new ArticleNormalised("00000000000000aa", "s-1", "http://news.test/a", "http://news.test/a",
                headline == null ? "" : headline.text(), text, "", null, null, "zh", Instant.now());
    }

    /** samples/site of the repository: the nearest folder above the module holding it. */
    private static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples/site"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/site not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("samples/site");
    }
}
