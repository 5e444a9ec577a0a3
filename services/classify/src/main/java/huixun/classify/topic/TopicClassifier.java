package huixun.classify.topic;

import huixun.classify.config.ClassifyConfig;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An article's IPTC Media Topics: the model's probability and the keyword share of each topic, averaged with
 * {@link #KEYWORD_WEIGHT} (the model alone when no keyword occurs). The article gets the best topic plus every
 * other whose score reaches {@code huixun.classify.topic.threshold}. Labels carry the IPTC code and the English
 * name; scores sum to 1 over all topics.
 */
@ApplicationScoped
public class TopicClassifier {
    /**
     * Half keywords, half model: the corpora hold no news-style health, disaster or weather class (health is 43
     * 1990s medical papers), so the model alone gives none of the five seed reports on epidemic-control meetings
     * health (politics first on four, up to 0.99); the keyword lists name those themes.
     */
    static final double KEYWORD_WEIGHT = 0.5;

    private final ModelTopicClassifier model;
    private final KeywordTopicClassifier keywords;
    private final TopicTaxonomy taxonomy = new TopicTaxonomy();
    private final double threshold;

    public TopicClassifier(ModelTopicClassifier model, KeywordTopicClassifier keywords, ClassifyConfig config) {
        this.model = model;
        this.keywords = keywords;
        this.threshold = config.topic().threshold();
    }

    public int topicCount() {
        return taxonomy.size();
    }

    public List<Label> classify(WeightedText article) {
        Map<String, Double> probabilities = model.probabilities(article);
        if (probabilities.isEmpty()) {
            return List.of();
        }
        Map<String, Double> shares = keywords.shares(article);
        double keywordWeight = shares.isEmpty() ? 0 : KEYWORD_WEIGHT;
        List<Label> ranked = new ArrayList<>();
        for (String code : taxonomy.codes()) {
            double score = (1 - keywordWeight) * probabilities.getOrDefault(code, 0.0)
                    + keywordWeight * shares.getOrDefault(code, 0.0);
            ranked.add(new Label(code, taxonomy.topic(code).english(), Math.round(score * 1000) / 1000.0));
        }
        ranked.sort(Comparator.comparingDouble(Label::score).reversed().thenComparing(Label::code));
        List<Label> kept = new ArrayList<>(List.of(ranked.get(0)));
        ranked.stream().skip(1).filter(l -> l.score() >= threshold).forEach(kept::add);
        return kept;
    }
}
