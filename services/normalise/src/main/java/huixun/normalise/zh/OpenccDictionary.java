package huixun.normalise.zh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenCC text dictionary ({@code key<TAB>value value…}, {@code #} comments) loaded into a hash map keyed by string,
 * with the longest key's length so that a longest-prefix match tries at most that many substrings. The first value of
 * a line is the conversion OpenCC uses by default, so it is the only one kept.
 */
final class OpenccDictionary {
    /** OpenCC's marker before a line of a variants file: which key the reversed dictionary prefers for its value. */
    private static final String REVERSE_PREFER = "# @reverse-prefer:";
    /** OpenCC's marker before a line whose rare Simplified form belongs in the tofu-risk extension dictionary. */
    private static final String TOFU_RISK = "# @tofu-risk:";

    /** OpenCC's longest key has 10 UTF-16 units; the lengths of the keys at a first unit fit one int's bits. */
    private static final int MAX_KEY_LENGTH = Integer.SIZE;

    private final Map<String, String> entries;
    /**
     * For each first UTF-16 unit, bit {@code n - 1} is set when a key of {@code n} units starts with it: most
     * positions of a text start no key and need no lookup, and the others look up only the lengths keys have there
     * (one or two, rather than every length up to the longest key).
     */
    private final int[] keyLengths = new int[Character.MAX_VALUE + 1];

    private OpenccDictionary(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
        for (String key : entries.keySet()) {
            if (key.length() > MAX_KEY_LENGTH) {
                throw new IllegalArgumentException("OpenCC key longer than " + MAX_KEY_LENGTH + " units: " + key);
            }
            keyLengths[key.charAt(0)] |= 1 << (key.length() - 1);
        }
    }

    /** The dictionary {@code zh/opencc/<name>.txt} from the classpath. */
    static OpenccDictionary load(String name) {
        Map<String, String> entries = new HashMap<>();
        for (Line line : read(name).lines()) {
            entries.putIfAbsent(line.key(), line.values().get(0));
        }
        return new OpenccDictionary(entries);
    }

    /**
     * The reverse of {@code zh/opencc/<name>.txt}, as OpenCC's {@code data/scripts/reverse.py} builds e.g.
     * {@code TWVariantsRev.txt} from {@code TWVariants.txt} at build time: every value maps back to the keys it came
     * from, the first key in file order unless a {@code # @reverse-prefer:} line names another.
     */
    static OpenccDictionary reverse(String name) {
        Source source = read(name);
        Map<String, List<String>> reversed = new LinkedHashMap<>();
        for (Line line : source.lines()) {
            for (String value : line.values()) {
                reversed.computeIfAbsent(value, v -> new ArrayList<>()).add(line.key());
            }
        }
        Map<String, String> entries = new HashMap<>();
        reversed.forEach((value, keys) -> entries.put(value, source.preferred().getOrDefault(value, keys.get(0))));
        return new OpenccDictionary(entries);
    }

    /**
     * OpenCC's {@code TSCharactersExt}, as its {@code data/scripts/extract_tofu_risk.py} builds it from
     * {@code <name>.txt}: the line after each {@code # @tofu-risk:} marker, less a first value equal to the key
     * (the file keeps the Traditional character as its default there; the extension holds the rare Simplified form).
     */
    static OpenccDictionary tofuRisk(String name) {
        return new OpenccDictionary(read(name).tofuRisk());
    }

    /** The longest key that {@code text} has at {@code from}, with its value; null when none. */
    Match longestMatch(CharSequence text, int from) {
        int lengths = keyLengths[text.charAt(from)];
        int available = text.length() - from;
        if (available < MAX_KEY_LENGTH) {
            lengths &= (1 << available) - 1; // keys longer than the rest of the text cannot match
        }
        while (lengths != 0) {
            int length = MAX_KEY_LENGTH - Integer.numberOfLeadingZeros(lengths);
            String value = entries.get(text.subSequence(from, from + length).toString());
            if (value != null) {
                return new Match(length, value);
            }
            lengths &= ~(1 << (length - 1));
        }
        return null;
    }

    /** The keys and their default values, read-only. */
    Map<String, String> entries() {
        return entries;
    }

    record Match(int length, String value) {
    }

    private record Line(String key, List<String> values) {
    }

    private record Source(List<Line> lines, Map<String, String> preferred, Map<String, String> tofuRisk) {
    }

    private static Source read(String name) {
        String resource = "zh/opencc/" + name + ".txt";
        List<Line> lines = new ArrayList<>();
        Map<String, String> preferred = new HashMap<>();
        Map<String, String> tofuRisk = new HashMap<>();
        boolean riskMarked = false;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.startsWith(REVERSE_PREFER)) {
                    String[] fields = text.substring(REVERSE_PREFER.length()).trim().split("\\s+");
                    preferred.put(fields[0], fields[fields.length - 1]);
                    continue;
                }
                if (text.startsWith(TOFU_RISK)) {
                    riskMarked = true;
                    continue;
                }
                if (text.startsWith("#") || text.isBlank()) {
                    continue;
                }
                int tab = text.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException(resource + ": line without a tab: " + text);
                }
                Line line = new Line(text.substring(0, tab), List.of(text.substring(tab + 1).trim().split(" ")));
                lines.add(line);
                if (riskMarked) {
                    List<String> values = line.values().get(0).equals(line.key())
                            ? line.values().subList(1, line.values().size()) : line.values();
                    if (!values.isEmpty()) {
                        tofuRisk.put(line.key(), values.get(0));
                    }
                    riskMarked = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
        return new Source(lines, preferred, tofuRisk);
    }
}
