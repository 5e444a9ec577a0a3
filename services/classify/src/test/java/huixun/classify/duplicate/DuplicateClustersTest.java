package huixun.classify.duplicate;

import com.hankcs.hanlp.HanLP;
import huixun.classify.SampleSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Near-duplicates on the sample site's pages, fingerprinted as the service does (body text, k = 4): one report in
 * two sites' page furniture and in Traditional script is one cluster; the five seed reports, five meetings that
 * share much official phrasing, are five clusters.
 */
class DuplicateClustersTest {
    private static final int K = 4;

    @Test
    void oneStoryInTwoChromesAndTraditionalIsOneCluster() throws IOException {
        String[] guancha = SampleSite.SEEDS.get(0);
        String[] sina = SampleSite.SEEDS.get(1);
        List<String> story = SampleSite.paragraphs(SampleSite.page(guancha[1], guancha[2])).subList(0, 8);
        // The same report as the sina page would frame it: its source line above, its editor credit below, the
        // lines normalise keeps because they look like article text.
        List<String> sinaParagraphs = SampleSite.paragraphs(SampleSite.page(sina[1], sina[2]));
        List<String> inSinaChrome = new ArrayList<>(sinaParagraphs.subList(1, 2));
        inSinaChrome.addAll(story);
        inSinaChrome.add(sinaParagraphs.get(7));
        String original = String.join("\n", story);

        FingerprintIndex index = new FingerprintIndex(K);
        Map<String, String> clusters = new HashMap<>();
        record(index, clusters, "guancha", original);
        record(index, clusters, "sina", String.join("\n", inSinaChrome));
        record(index, clusters, "traditional", HanLP.convertToTraditionalChinese(original));

        assertEquals(Map.of("guancha", "guancha", "sina", "guancha", "traditional", "guancha"), clusters);
    }

    @Test
    void fiveSeedMeetingsAreFiveClusters() throws IOException {
        FingerprintIndex index = new FingerprintIndex(K);
        for (String[] seed : SampleSite.SEEDS) {
            Document page = SampleSite.page(seed[1], seed[2]);
            String text = String.join("\n", SampleSite.paragraphs(page));
            assertNull(index.record(seed[0], TextFingerprint.of(text).simhash(), 0).duplicateOf(), seed[0]);
        }
        assertEquals(5, index.size());
    }

    private static void record(FingerprintIndex index, Map<String, String> clusters, String id, String text) {
        FingerprintIndex.Entry entry = index.record(id, TextFingerprint.of(text).simhash(), clusters.size());
        clusters.put(id, entry.duplicateOf() == null ? id : entry.duplicateOf());
    }
}
