package huixun.classify.topic;

import huixun.classify.match.TsvTable;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each IPTC Media Topic's keywords ({@value #KEYWORDS}: Simplified, Traditional and English) in the article;
 * a topic's score is its share of the hits. {@link TopicClassifier} blends these shares with the model's
 * probabilities: the keyword lists cover news themes the training corpora lack (health, disasters, weather).
 */
@ApplicationScoped
public class KeywordTopicClassifier {
    static final String KEYWORDS = "topic/iptc-keywords.tsv";

    private final Map<Label, List<String>> keywordsByTopic = new LinkedHashMap<>();

    public KeywordTopicClassifier() {
        for (String[] row : TsvTable.read(KEYWORDS, 4)) {
            keywordsByTopic.put(new Label(row[0], row[1], 0), TsvTable.terms(row[3]));
        }
    }

    public int topicCount() {
        return keywordsByTopic.size();
    }

    /** Each topic code's share of the weighted keyword hits; empty when no keyword occurs. */
    public Map<String, Double> shares(WeightedText article) {
        Map<Label, Integer> hits = hits(article);
        double total = hits.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        if (total > 0) {
            hits.forEach((topic, count) -> shares.put(topic.code(), count / total));
        }
        return shares;
    }

    private Map<Label, Integer> hits(WeightedText article) {
        Map<Label, Integer> hits = new LinkedHashMap<>();
        keywordsByTopic.forEach((topic, keywords) ->
                hits.put(topic, keywords.stream().mapToInt(article::count).sum()));
        return hits;
    }
}
