package huixun.classify.topic;

import huixun.classify.match.WeightedText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordTopicClassifierTest {
    private final KeywordTopicClassifier classifier = new KeywordTopicClassifier();

    @Test
    void allSeventeenIptcTopicsAreLoaded() {
        assertEquals(17, classifier.topicCount());
    }

    @Test
    void epidemicControlMeetingIsPoliticsAndHealth() {
        Map<String, Double> shares = classifier.shares(new WeightedText("江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实",
                "江苏省委应对疫情工作领导小组召开会议，深入学习贯彻习近平总书记关于疫情防控的重要指示精神。"
                        + "会议强调，要加强核酸检测和隔离管控，全力做好医疗救治。"));
        assertTrue(shares.get("11000000") >= 0.2, shares.toString());
        assertTrue(shares.get("07000000") >= 0.2, shares.toString());
    }

    @Test
    void traditionalChineseIsCounted() {
        Map<String, Double> shares = classifier.shares(new WeightedText("省委常委會召開會議", "研究部署疫情防控工作，醫療救治。"));
        assertTrue(shares.get("11000000") > 0, shares.toString());
    }

    @Test
    void englishWordsMatchWholeWordsOnly() {
        Map<String, Double> shares = classifier.shares(new WeightedText("Striker scores in cup final",
                "The football match ended after the championship game; the party went on."));
        String best = shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("15000000", best, shares.toString());
    }

    @Test
    void noKeywordGivesNoShares() {
        assertEquals(Map.of(), classifier.shares(new WeightedText("", "zzz")));
    }

    @Test
    void sharesSumToOne() {
        Map<String, Double> shares = classifier.shares(new WeightedText("足球比赛", "医院"));
        assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
}
