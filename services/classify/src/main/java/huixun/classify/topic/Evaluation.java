package huixun.classify.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Accuracy, macro-F1 and the confusion matrix of a model on labelled examples. */
public final class Evaluation {
    private final List<String> labels;
    private final int[][] confusion;
    private final int total;
    private final int correct;

    private Evaluation(List<String> labels, int[][] confusion) {
        this.labels = labels;
        this.confusion = confusion;
        int all = 0;
        int right = 0;
        for (int gold = 0; gold < labels.size(); gold++) {
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                all += confusion[gold][predicted];
            }
            right += confusion[gold][gold];
        }
        this.total = all;
        this.correct = right;
    }

    /** Scores {@code model} on {@code examples}; a gold label the model does not know counts as an error. */
    public static Evaluation of(TopicModel model, List<LabelledText> examples) {
        return of(model, examples, null);
    }

    /** As {@link #of(TopicModel, List)}, for a model whose short texts need {@code encoder} (or null for none). */
    public static Evaluation of(TopicModel model, List<LabelledText> examples, SentenceEncoder encoder) {
        List<String> labels = new ArrayList<>(model.labels());
        examples.stream().map(LabelledText::label).distinct().filter(l -> !labels.contains(l)).sorted()
                .forEach(labels::add);
        int[][] confusion = new int[labels.size()][labels.size()];
        TopicModel.Scorer scorer = model.newScorer(encoder);
        for (LabelledText example : examples) {
            int predicted = scorer.predict(example.text());
            confusion[labels.indexOf(example.label())][predicted]++;
        }
        return new Evaluation(labels, confusion);
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The mean F1 over the labels that occur in the gold data (a label never seen cannot be scored). */
    public double macroF1() {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < labels.size(); c++) {
            if (support(c) > 0) {
                sum += f1(c);
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private int support(int c) {
        int n = 0;
        for (int predicted = 0; predicted < labels.size(); predicted++) {
            n += confusion[c][predicted];
        }
        return n;
    }

    private int predictedCount(int c) {
        int n = 0;
        for (int gold = 0; gold < labels.size(); gold++) {
            n += confusion[gold][c];
        }
        return n;
    }

    private double f1(int c) {
        double precision = predictedCount(c) == 0 ? 0 : (double) confusion[c][c] / predictedCount(c);
        double recall = support(c) == 0 ? 0 : (double) confusion[c][c] / support(c);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Per-label precision, recall, F1 and support, then the most frequent confusions; last line the accuracy. */
    public String report(int confusionsShown) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1",
                "support"));
        for (int c = 0; c < labels.size(); c++) {
            int predicted = predictedCount(c);
            out.append(String.format(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %8d%n", labels.get(c),
                    predicted == 0 ? 0 : (double) confusion[c][c] / predicted,
                    support(c) == 0 ? 0 : (double) confusion[c][c] / support(c), f1(c), support(c)));
        }
        List<int[]> errors = new ArrayList<>();
        for (int gold = 0; gold < labels.size(); gold++) {
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                if (gold != predicted && confusion[gold][predicted] > 0) {
                    errors.add(new int[] {gold, predicted, confusion[gold][predicted]});
                }
            }
        }
        errors.sort(Comparator.comparingInt((int[] e) -> -e[2]).thenComparingInt(e -> e[0]));
        out.append("most frequent confusions (gold -> predicted: count):").append(System.lineSeparator());
        errors.stream().limit(confusionsShown).forEach(e -> out.append(String.format(Locale.ROOT,
                "  %s -> %s: %d%n", labels.get(e[0]), labels.get(e[1]), e[2])));
        out.append(String.format(Locale.ROOT, "examples %d%nmacro-f1 %.4f%naccuracy %.4f", total, macroF1(),
                accuracy()));
        return out.toString();
    }
}
