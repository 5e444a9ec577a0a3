package huixun.classify.region;

import huixun.classify.config.ClassifyConfig;
import huixun.classify.match.LabelRanking;
import huixun.classify.match.TsvTable;
import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the regions an article is about from the gazetteer ({@value #GAZETTEER}): every Simplified, Traditional
 * or city name of a province counts towards it, weighted by where it stands. Labels carry the ISO 3166-2 code and
 * the Simplified name.
 */
@ApplicationScoped
public class GazetteerMatcher {
    static final String GAZETTEER = "gazetteer/cn-regions.tsv";

    private final Map<Label, List<String>> namesByRegion = new LinkedHashMap<>();
    private final double minShare;

    public GazetteerMatcher(ClassifyConfig config) {
        this.minShare = config.region().minShare();
        for (String[] row : TsvTable.read(GAZETTEER, 3)) {
            List<String> names = new ArrayList<>(List.of(row[1]));
            if (!row[2].equals(row[1])) {
                names.add(row[2]);
            }
            if (row.length > 3) {
                names.addAll(TsvTable.terms(row[3]));
            }
            namesByRegion.put(new Label(row[0], row[1], 0), names);
        }
    }

    public int regionCount() {
        return namesByRegion.size();
    }

    public List<Label> regions(WeightedText article) {
        Map<Label, Integer> hits = new LinkedHashMap<>();
        namesByRegion.forEach((region, names) -> hits.put(region, names.stream().mapToInt(article::count).sum()));
        return LabelRanking.rank(hits, minShare);
    }
}
