package huixun.classify;

import huixun.classify.config.FixedClassifyConfig;
import huixun.classify.duplicate.FingerprintStore;
import huixun.classify.keyword.KeywordExtractor;
import huixun.classify.people.PeopleFinder;
import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.KeywordTopicClassifier;
import huixun.classify.topic.ModelTopicClassifier;
import huixun.classify.topic.TopicClassifier;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.Label;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five seed pages of the sample site (samples/site, provincial meetings on COVID control) get politics and
 * health, their province first (and Nanjing, CN-320100, for 000) and the officials who led them, with at most one
 * false person. The text is the page's headline and
 * paragraphs as served, comments and footer included, and the Traditional mirror copies (002, 004) keep their
 * Traditional characters and inline pinyin: harder than what normalise hands over.
 */
class SamplePagesTest {
    private static final ArticleLabeller LABELLER = new ArticleLabeller(
            new TopicClassifier(new ModelTopicClassifier(), new KeywordTopicClassifier(),
                    FixedClassifyConfig.DEFAULTS),
            new GazetteerMatcher(FixedClassifyConfig.DEFAULTS), new PeopleFinder(), new KeywordExtractor(),
            new FingerprintStore(FixedClassifyConfig.DEFAULTS, "127.0.0.1:9"));

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
            "000, CN-JS CN-320100, 娄勤俭 吴政隆 孙春兰, 习近平",
            "001, CN-JS, 娄勤俭 吴政隆, 王贺胜 雷海潮 张亚楠 习近平",
            "002, CN-JS, 吴政隆 许昆林 张义珍, 黄伟 习近平",
            "003, CN-JS, 娄勤俭, 耿联 习近平",
            "004, CN-JX, 易炼红, 魏星 王文婧 许钦 朱静 习近平"})
    void seedPageIsPoliticsAndHealthInItsProvinceLedByItsOfficials(String seed, String region, String officials,
                                                                   String alsoNamed) throws IOException {
        String[] page = SampleSite.SEEDS.get(Integer.parseInt(seed));
        ArticleClassified labelled = LABELLER.label(SampleSite.article(seed, page[1], page[2])).event();

        List<String> topics = labelled.topics().stream().map(Label::code).toList();
        assertTrue(topics.contains("11000000"), "seed " + seed + " topics " + labelled.topics());
        assertTrue(topics.contains("07000000"), "seed " + seed + " topics " + labelled.topics());
        List<String> regions = labelled.regions().stream().map(Label::code).toList();
        assertEquals(region.split(" ")[0], regions.get(0), "seed " + seed + " regions " + regions);
        assertTrue(regions.containsAll(Arrays.asList(region.split(" "))), "seed " + seed + " regions " + regions);
        List<String> people = labelled.people().stream()
                .filter(label -> !label.code().startsWith("org:")).map(Label::name).toList();
        assertTrue(people.containsAll(Arrays.asList(officials.split(" "))), "seed " + seed + " people " + people);
        // Besides the officials, the page names the leader whose instructions the meeting studied, reporters,
        // editors and other officials: anyone else found is a false person, and one at most is tolerated.
        List<String> falsePeople = people.stream()
                .filter(p -> !(officials + " " + alsoNamed).contains(p)).toList();
        assertTrue(falsePeople.size() <= 1, "seed " + seed + " false people " + falsePeople);
    }

    /**
     * The bodies that met or reported, written out with their province when the page says 省委 (see
     * OrganisationFinder), found in full; besides them the central bodies whose instructions the meeting studied and
     * the provincial bodies taking part. Anything else is a false organisation, and one at most is tolerated.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
            "000, 江苏省委常委会 江苏省委, 江苏省委应对疫情工作领导小组 党中央 中央政治局 国务院",
            "001, 江苏省委 江苏省人民政府, 江苏省委应对疫情工作领导小组 国务院联防联控机制 国务院",
            "002, 江苏省委 江苏省人民政府, 党中央 江苏省政协",
            "003, 江苏省委常委会 江苏省委, 江苏省委应对疫情工作领导小组 党中央 中央政治局常委会 江苏省人民政府",
            "004, 江西省委常委会 江西省委, 党中央 中央政治局"})
    void seedPageNamesTheBodiesThatMet(String seed, String bodies, String alsoNamed) throws IOException {
        String[] page = SampleSite.SEEDS.get(Integer.parseInt(seed));
        ArticleClassified labelled = LABELLER.label(SampleSite.article(seed, page[1], page[2])).event();

        List<String> organisations = labelled.people().stream()
                .filter(label -> label.code().equals("org:" + label.name())).map(Label::name).toList();
        assertTrue(organisations.containsAll(Arrays.asList(bodies.split(" "))),
                "seed " + seed + " organisations " + organisations);
        List<String> falseOrganisations = organisations.stream()
                .filter(o -> !Arrays.asList((bodies + " " + alsoNamed).split(" ")).contains(o)).toList();
        assertTrue(falseOrganisations.size() <= 1, "seed " + seed + " false organisations " + organisations);
    }
}
