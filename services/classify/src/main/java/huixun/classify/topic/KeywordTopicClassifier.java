package huixun.classify.topic;

import huixun.classify.config.ClassifyConfig;
import huixun.classify.match.LabelRanking;
import huixun.classify.match.TsvTable;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline topic classifier: counts each IPTC Media Topic's keywords ({@value #KEYWORDS}) in the article and
 * ranks topics by their share of the hits. Labels carry the IPTC code and the English name.
 */
@ApplicationScoped
public class KeywordTopicClassifier {
    static final String KEYWORDS = "topic/iptc-keywords.tsv";

    private final Map<Label, List<String>> keywordsByTopic = new LinkedHashMap<>();
    private final double threshold;

    public KeywordTopicClassifier(ClassifyConfig config) {
        this.threshold = config.topic().threshold();
        for (String[] row : TsvTable.read(KEYWORDS, 4)) {
            keywordsByTopic.put(new Label(row[0], row[1], 0), TsvTable.terms(row[3]));
        }
    }

    public int topicCount() {
        return keywordsByTopic.size();
    }

    public List<Label> classify(WeightedText article) {
        Map<Label, Integer> hits = new LinkedHashMap<>();
        keywordsByTopic.forEach((topic, keywords) ->
                hits.put(topic, keywords.stream().mapToInt(article::count).sum()));
        return LabelRanking.rank(hits, threshold);
    }
}
