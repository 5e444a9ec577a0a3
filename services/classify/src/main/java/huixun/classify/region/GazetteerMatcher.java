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
 * Finds the regions an article is about from three gazetteers, each ranked by its own share of weighted mentions
 * (title and lead count more) and listed in this order: China's provinces ({@value #PROVINCES}; a city's mention
 * counts for its province), then prefecture-level cities ({@value #CITIES}), then countries ({@value #COUNTRIES}).
 * Provinces come first because a Chinese report names 中国 far more often than the province it is about, and the
 * province implies the country. Labels carry the ISO 3166-2 code (provinces), CN- plus the GB/T 2260 code (cities)
 * or the ISO 3166-1 alpha-2 code (countries), and the Simplified name.
 */
@ApplicationScoped
public class GazetteerMatcher {
    static final String PROVINCES = "gazetteer/cn-regions.tsv";
    static final String CITIES = "gazetteer/cn-cities.tsv";
    static final String COUNTRIES = "gazetteer/countries.tsv";

    private final Map<Label, List<String>> provinces = new LinkedHashMap<>();
    private final Map<Label, List<String>> cities = new LinkedHashMap<>();
    private final Map<Label, List<String>> countries = new LinkedHashMap<>();
    /** For each country name, the longer country names holding it (印度 → 印度尼西亚), whose mentions are not its own. */
    private final Map<String, List<String>> longerNames = new LinkedHashMap<>();
    private final double minShare;

    public GazetteerMatcher(ClassifyConfig config) {
        this.minShare = config.region().minShare();
        for (String[] row : TsvTable.read(PROVINCES, 3)) {
            List<String> names = new ArrayList<>(List.of(row[1]));
            if (!row[2].equals(row[1])) {
                names.add(row[2]);
            }
            if (row.length > 3) {
                names.addAll(TsvTable.terms(row[3]));
            }
            provinces.put(new Label(row[0], row[1], 0), names);
        }
        for (String[] row : TsvTable.read(CITIES, 4)) {
            List<String> names = new ArrayList<>(List.of(row[2]));
            names.addAll(TsvTable.terms(row[3]));
            cities.put(new Label(row[0], row[2], 0), names);
        }
        for (String[] row : TsvTable.read(COUNTRIES, 5)) {
            List<String> names = new ArrayList<>(List.of(row[1], row[2]));
            if (!row[3].equals(row[2])) {
                names.add(row[3]);
            }
            names.addAll(TsvTable.terms(row[4]));
            countries.put(new Label(row[0], row[2], 0), names);
        }
        List<String> allCountryNames = countries.values().stream().flatMap(List::stream).toList();
        for (String name : allCountryNames) {
            longerNames.put(name, allCountryNames.stream()
                    .filter(other -> other.length() > name.length() && other.contains(name)).toList());
        }
    }

    public int regionCount() {
        return provinces.size() + cities.size() + countries.size();
    }

    public List<Label> regions(WeightedText article) {
        List<Label> regions = new ArrayList<>(rank(provinces, article));
        regions.addAll(rank(cities, article));
        Map<Label, Integer> countryHits = new LinkedHashMap<>();
        countries.forEach((country, names) -> countryHits.put(country, names.stream()
                .mapToInt(name -> Math.max(0, article.count(name)
                        - longerNames.get(name).stream().mapToInt(article::count).sum()))
                .sum()));
        regions.addAll(LabelRanking.rank(countryHits, minShare));
        return regions;
    }

    private List<Label> rank(Map<Label, List<String>> gazetteer, WeightedText article) {
        Map<Label, Integer> hits = new LinkedHashMap<>();
        gazetteer.forEach((region, names) -> hits.put(region, names.stream().mapToInt(article::count).sum()));
        return LabelRanking.rank(hits, minShare);
    }
}
