package huixun.classify.people;

import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The people an article names, Chinese ({@link ChineseNameFinder}) and English ({@link EnglishNameFinder}), ranked
 * by weighted mentions (title and lead count more, see {@link WeightedText}). A label's code and name are the name
 * as written; its score is the name's share of all the people's mentions. The organisations the article names
 * ({@link OrganisationFinder}, codes prefixed {@code org:}) follow the people, ranked among themselves.
 */
@ApplicationScoped
public class PeopleFinder {
    /** More names than this are mostly reporters, editors and people quoted once. */
    static final int MAX_PEOPLE = 10;

    private final ChineseNameFinder chinese = new ChineseNameFinder();
    private final EnglishNameFinder english = new EnglishNameFinder();
    private final OrganisationFinder organisations = new OrganisationFinder();

    public List<Label> people(WeightedText article) {
        String text = Objects.toString(article.title(), "") + "\n" + Objects.toString(article.body(), "");
        List<String> names = new ArrayList<>(chinese.find(text));
        names.addAll(english.find(text));
        Map<String, Integer> mentions = new LinkedHashMap<>();
        for (String name : names) {
            mentions.put(name, Math.max(1, article.count(name)));
        }
        double total = mentions.values().stream().mapToInt(Integer::intValue).sum();
        List<Label> labels = new ArrayList<>(mentions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_PEOPLE)
                .map(e -> new Label(e.getKey(), e.getKey(), Math.round(e.getValue() / total * 1000) / 1000.0))
                .toList());
        labels.addAll(organisations.organisations(article));
        return labels;
    }
}
