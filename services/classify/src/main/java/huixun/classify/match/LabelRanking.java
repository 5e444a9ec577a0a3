package huixun.classify.match;

import huixun.contracts.events.Label;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns weighted hit counts per label into scores (each label's share of all hits) and keeps the best label plus
 * any other whose share reaches the threshold.
 */
public final class LabelRanking {
    private LabelRanking() {
    }

    /** @param hits label to its weighted hit count; labels with no hit are ignored */
    public static List<Label> rank(Map<Label, Integer> hits, double threshold) {
        double total = hits.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return List.of();
        }
        List<Label> ranked = hits.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Label(e.getKey().code(), e.getKey().name(), round(e.getValue() / total)))
                .sorted(Comparator.comparingDouble(Label::score).reversed().thenComparing(Label::code))
                .toList();
        return IntStream.range(0, ranked.size())
                .filter(i -> i == 0 || ranked.get(i).score() >= threshold)
                .mapToObj(ranked::get)
                .toList();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
