package huixun.classify.topic;

import huixun.classify.config.FixedClassifyConfig;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordTopicClassifierTest {
    private final KeywordTopicClassifier classifier = new KeywordTopicClassifier(FixedClassifyConfig.DEFAULTS);

    @Test
    void allSeventeenIptcTopicsAreLoaded() {
        assertEquals(17, classifier.topicCount());
    }

    @Test
    void epidemicControlMeetingIsPoliticsAndHealth() {
        List<Label> topics = classifier.classify(new WeightedText("江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实",
                "江苏省委应对疫情工作领导小组召开会议，深入学习贯彻习近平总书记关于疫情防控的重要指示精神。"
                        + "会议强调，要加强核酸检测和隔离管控，全力做好医疗救治。"));
        List<String> codes = topics.stream().map(Label::code).toList();
        assertTrue(codes.contains("11000000"), codes.toString());
        assertTrue(codes.contains("07000000"), codes.toString());
    }

    @Test
    void traditionalChineseIsCounted() {
        List<Label> topics = classifier.classify(new WeightedText("省委常委會召開會議", "研究部署疫情防控工作，醫療救治。"));
        assertTrue(topics.stream().anyMatch(t -> t.code().equals("11000000")), topics.toString());
    }

    @Test
    void englishWordsMatchWholeWordsOnly() {
        List<Label> topics = classifier.classify(new WeightedText("Striker scores in cup final",
                "The football match ended after the championship game; the party went on."));
        assertEquals("15000000", topics.get(0).code());
    }

    @Test
    void noKeywordGivesNoTopic() {
        assertEquals(List.of(), classifier.classify(new WeightedText("", "zzz")));
    }
}
