package huixun.classify.topic;

import huixun.classify.match.WeightedText;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shipped topic model ({@value #MODEL}, trained on the three corpora with IPTC-mapped labels; how to rebuild
 * it is in docs/classification.md): the probability of each IPTC Media Topic for an article.
 */
@ApplicationScoped
public class ModelTopicClassifier {
    static final String MODEL = "model/topic-iptc.bin";

    private final TopicModel model;
    // The scorer's hashers keep scratch arrays, so each worker thread gets its own.
    private final ThreadLocal<TopicModel.Scorer> scorers;

    public ModelTopicClassifier() {
        TopicTaxonomy taxonomy = new TopicTaxonomy();
        this.model = load();
        for (String code : model.labels()) {
            if (!taxonomy.contains(code)) {
                throw new IllegalStateException(MODEL + " has label " + code + ", which is not in the taxonomy");
            }
        }
        this.scorers = ThreadLocal.withInitial(model::newScorer);
    }

    private static TopicModel load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("topic model missing from the classpath: " + MODEL);
            }
            return TopicModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL, e);
        }
    }

    /** How many topics the model can give. */
    public int topicCount() {
        return model.labels().size();
    }

    /** Each topic code's probability; empty for an article without text. */
    public Map<String, Double> probabilities(WeightedText article) {
        String title = article.title() == null ? "" : article.title();
        String body = article.body() == null ? "" : article.body();
        Map<String, Double> byCode = new LinkedHashMap<>();
        if (title.isBlank() && body.isBlank()) {
            return byCode;
        }
        double[] probabilities = scorers.get().probabilities(title + "\n" + body);
        for (int c = 0; c < probabilities.length; c++) {
            byCode.put(model.labels().get(c), probabilities[c]);
        }
        return byCode;
    }
}
