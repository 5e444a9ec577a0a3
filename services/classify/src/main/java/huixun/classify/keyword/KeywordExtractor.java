package huixun.classify.keyword;

import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's keywords: its terms ({@link TermSplitter}) ranked by TF-IDF, term frequency (a title occurrence
 * counts {@link WeightedText#TITLE_WEIGHT} times) times the inverse document frequency in the background table
 * {@value #BACKGROUND}, built from the three corpora ({@code TopicCli keyword-background}). A label's code and name
 * are the term; its score is its TF-IDF.
 */
@ApplicationScoped
public class KeywordExtractor {
    static final String BACKGROUND = "keywords/background-df.tsv.gz";
    public static final int KEYWORDS = 8;

    private final TermSplitter splitter = new TermSplitter();
    private final BackgroundFrequencies background;

    public KeywordExtractor() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BACKGROUND);
        if (in == null) {
            throw new IllegalStateException("data file missing from the classpath: " + BACKGROUND);
        }
        this.background = BackgroundFrequencies.read(in);
    }

    public List<Label> keywords(WeightedText article) {
        Map<String, Integer> frequencies = new HashMap<>();
        splitter.terms(article.title()).forEach(t -> frequencies.merge(t, WeightedText.TITLE_WEIGHT, Integer::sum));
        splitter.terms(article.body()).forEach(t -> frequencies.merge(t, 1, Integer::sum));
        return frequencies.entrySet().stream()
                .map(e -> new Label(e.getKey(), e.getKey(),
                        Math.round(e.getValue() * background.idf(e.getKey()) * 1000) / 1000.0))
                .sorted(Comparator.comparingDouble(Label::score).reversed().thenComparing(Label::code))
                .limit(KEYWORDS)
                .toList();
    }
}
