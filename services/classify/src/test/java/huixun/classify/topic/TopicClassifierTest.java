package huixun.classify.topic;

import huixun.classify.config.FixedClassifyConfig;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicClassifierTest {
    private static final TopicClassifier CLASSIFIER = new TopicClassifier(new ModelTopicClassifier(),
            new KeywordTopicClassifier(), FixedClassifyConfig.DEFAULTS);

    @Test
    void shippedModelKnowsOnlyTaxonomyTopics() {
        assertEquals(17, CLASSIFIER.topicCount());
    }

    @Test
    void englishSportReportIsSport() {
        List<Label> topics = CLASSIFIER.classify(new WeightedText("Arsenal beat Chelsea in the cup final",
                "The striker scored twice in the second half as the home side won the match 2-0 at Wembley."));
        assertEquals("15000000", topics.get(0).code(), topics.toString());
    }

    @Test
    void chineseStockHeadlineIsEconomy() {
        List<Label> topics = CLASSIFIER.classify(new WeightedText("沪指震荡收涨 券商板块领涨两市", ""));
        assertEquals("04000000", topics.get(0).code(), topics.toString());
    }

    @Test
    void scoresAreRankedAndAboveTheThreshold() {
        List<Label> topics = CLASSIFIER.classify(new WeightedText("江苏省委常委会研究部署疫情防控工作",
                "会议强调，要加强核酸检测和隔离管控，全力做好医疗救治。"));
        for (int i = 1; i < topics.size(); i++) {
            assertTrue(topics.get(i).score() <= topics.get(i - 1).score(), topics.toString());
            assertTrue(topics.get(i).score() >= 0.15, topics.toString());
        }
    }

    @Test
    void emptyArticleGetsNoTopic() {
        assertEquals(List.of(), CLASSIFIER.classify(new WeightedText("", "")));
    }
}
