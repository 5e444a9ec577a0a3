package huixun.classify.topic;

import huixun.classify.match.TsvTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The IPTC Media Topics top level ({@value #RESOURCE}): code to English and Chinese name. */
public final class TopicTaxonomy {
    static final String RESOURCE = "topic/iptc-media-topics.tsv";

    /** One topic of the taxonomy. */
    public record Topic(String code, String english, String chinese) {
    }

    private final Map<String, Topic> topics = new LinkedHashMap<>();

    public TopicTaxonomy() {
        for (String[] row : TsvTable.read(RESOURCE, 3)) {
            topics.put(row[0], new Topic(row[0], row[1], row[2]));
        }
    }

    public int size() {
        return topics.size();
    }

    /** The codes in taxonomy order. */
    public Set<String> codes() {
        return topics.keySet();
    }

    public boolean contains(String code) {
        return topics.containsKey(code);
    }

    public Topic topic(String code) {
        Topic topic = topics.get(code);
        if (topic == null) {
            throw new IllegalArgumentException("not an IPTC Media Topics top-level code: " + code);
        }
        return topic;
    }
}
