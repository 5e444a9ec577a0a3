package huixun.classify.keyword;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Document frequencies of terms in a background collection, for the inverse document frequency of TF-IDF. The file
 * is gzip'd text: {@code #} comment lines, then a first line {@code documents<TAB>N}, then {@code term<TAB>df} lines.
 */
public final class BackgroundFrequencies {
    private final Map<String, Integer> frequencies;
    private final int documents;

    private BackgroundFrequencies(Map<String, Integer> frequencies, int documents) {
        this.frequencies = frequencies;
        this.documents = documents;
    }

    /** Counts, for each term, the documents holding it; terms in fewer than {@code minDocuments} are dropped. */
    public static BackgroundFrequencies count(List<String> texts, TermSplitter splitter, int minDocuments) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String term : new HashSet<>(splitter.terms(text))) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        counts.values().removeIf(df -> df < minDocuments);
        return new BackgroundFrequencies(counts, texts.size());
    }

    public static BackgroundFrequencies read(InputStream in) {
        Map<String, Integer> frequencies = new HashMap<>();
        int documents = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String term = line.substring(0, tab);
                int count = Integer.parseInt(line.substring(tab + 1));
                if (documents < 0) {
                    documents = count;
                } else {
                    frequencies.put(term, count);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the background frequencies", e);
        }
        if (documents <= 0) {
            throw new IllegalStateException("background frequencies without a documents line");
        }
        return new BackgroundFrequencies(frequencies, documents);
    }

    /** Writes the table, most frequent terms first, under a comment saying where it came from. */
    public void write(OutputStream out, String source) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
            writer.write("# " + source + "\n");
            writer.write("documents\t" + documents + "\n");
            for (Map.Entry<String, Integer> entry : frequencies.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList()) {
                writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
        }
    }

    /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1; a term never seen gets the most. */
    public double idf(String term) {
        return Math.log((documents + 1.0) / (frequencies.getOrDefault(term, 0) + 1.0)) + 1;
    }

    public int size() {
        return frequencies.size();
    }
}
