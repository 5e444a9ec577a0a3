package huixun.normalise.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's scorer ({@code ../shared/bench/score.py}) in Java, so the gate needs no Python: 4-token shingles
 * with counts; per page tp, fp, fn normalised by their sum; precision averaged over pages that produced shingles,
 * recall over pages whose truth has some; F1 of the two means. Tokenisers: {@code aeb} (every run of word characters
 * is a token) and {@code cjk} (each Han or kana character is a token, other word runs as in aeb).
 */
final class ShingleScorer {
    private static final int N = 4;

    private final boolean cjk;
    private double precisionSum;
    private int precisionPages;
    private double recallSum;
    private int recallPages;

    ShingleScorer(String tokenizer) {
        this.cjk = "cjk".equals(tokenizer);
    }

    void add(String truth, String prediction) {
        Map<List<String>, Integer> t = shingles(tokens(truth));
        Map<List<String>, Integer> p = shingles(tokens(prediction));
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        if (tp + fp > 0) {
            precisionSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
            precisionPages++;
        }
        if (tp + fn > 0) {
            recallSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
            recallPages++;
        }
    }

    double f1() {
        double p = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double r = recallPages == 0 ? 0 : recallSum / recallPages;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cjk && isCjk(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (isWord(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Python's {@code \w}: alphanumeric (letters, decimal digits and other numerics) or underscore. */
    private static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3021 && cp <= 0x3029)
                || (cp >= 0x3038 && cp <= 0x303B) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3100 && cp <= 0x312F)
                || (cp >= 0x31A0 && cp <= 0x31BF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x3134F);
    }
}
