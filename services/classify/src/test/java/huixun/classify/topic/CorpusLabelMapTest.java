package huixun.classify.topic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusLabelMapTest {
    private final CorpusLabelMap map = new CorpusLabelMap();
    private final TopicTaxonomy taxonomy = new TopicTaxonomy();

    @Test
    void taxonomyIsTheSeventeenIptcTopLevelTopics() {
        assertEquals(17, taxonomy.size());
        assertEquals("健康", taxonomy.topic("07000000").chinese());
    }

    @Test
    void everyCorpusLabelMapsIntoTheTaxonomy() {
        List<String> labels = List.of("C11-Space", "C15-Energy", "C16-Electronics", "C17-Communication",
                "C19-Computer", "C23-Mine", "C29-Transport", "C3-Art", "C31-Enviornment", "C32-Agriculture",
                "C34-Economy", "C35-Law", "C36-Medical", "C37-Military", "C38-Politics", "C39-Sports",
                "C4-Literature", "C5-Education", "C6-Philosophy", "C7-History", "education", "entertainment",
                "finance", "game", "politics", "realty", "science", "society", "sports", "stocks", "business",
                "sport", "tech");
        labels.forEach(label -> assertTrue(taxonomy.contains(map.iptc(label)), label));
        assertEquals("07000000", map.iptc("C36-Medical"));
        assertEquals("11000000", map.iptc("politics"));
    }

    @Test
    void unknownLabelIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> map.iptc("cooking"));
    }
}
