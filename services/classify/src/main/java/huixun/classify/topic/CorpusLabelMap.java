package huixun.classify.topic;

import huixun.classify.match.TsvTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the corpora's native labels to IPTC Media Topic codes ({@value #RESOURCE}). Native labels are unique
 * across the corpora or mean the same everywhere (politics, entertainment), which the loader checks.
 */
public final class CorpusLabelMap {
    static final String RESOURCE = "topic/corpus-labels.tsv";

    private final Map<String, String> iptcByNative = new HashMap<>();

    public CorpusLabelMap() {
        for (String[] row : TsvTable.read(RESOURCE, 3)) {
            String previous = iptcByNative.putIfAbsent(row[1], row[2]);
            if (previous != null && !previous.equals(row[2])) {
                throw new IllegalStateException(RESOURCE + ": " + row[1] + " maps to both " + previous + " and "
                        + row[2]);
            }
        }
    }

    public String iptc(String nativeLabel) {
        String code = iptcByNative.get(nativeLabel);
        if (code == null) {
            throw new IllegalArgumentException("no IPTC mapping for label " + nativeLabel + " in " + RESOURCE);
        }
        return code;
    }

    /** The examples with their labels replaced by IPTC codes. */
    public List<LabelledText> toIptc(List<LabelledText> examples) {
        return examples.stream().map(e -> new LabelledText(e.id(), iptc(e.label()), e.text())).toList();
    }
}
