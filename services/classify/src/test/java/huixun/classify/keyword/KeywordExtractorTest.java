package huixun.classify.keyword;

import huixun.classify.match.WeightedText;
import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordExtractorTest {
    private final KeywordExtractor extractor = new KeywordExtractor();

    @Test
    void topTermsOfAChineseReportAreItsSubject() {
        List<String> keywords = extractor.keywords(new WeightedText("南京开展全员核酸检测",
                "南京市今天开展全员核酸检测，各区设立核酸检测点。疫情防控指挥部要求居民配合核酸检测，"
                        + "社区工作人员上门服务。南京市疫情防控指挥部表示，检测结果将及时公布。"))
                .stream().map(Label::code).toList();

        assertTrue(keywords.size() <= KeywordExtractor.KEYWORDS, keywords.toString());
        assertEquals("核酸", keywords.get(0), keywords.toString());
        assertTrue(keywords.contains("南京"), keywords.toString());
        assertTrue(keywords.stream().noneMatch(k -> k.equals("今天") || k.equals("的")), keywords.toString());
    }

    @Test
    void englishTermsAreLowerCasedWithoutStopWords() {
        List<String> keywords = extractor.keywords(new WeightedText("Chancellor sets budget",
                "The chancellor set out the budget. The budget raises spending on schools and hospitals."))
                .stream().map(Label::code).toList();

        assertEquals("budget", keywords.get(0), keywords.toString());
        assertTrue(keywords.stream().noneMatch(k -> k.equals("the") || k.equals("on")), keywords.toString());
    }

    @Test
    void backgroundFrequenciesRoundTrip() throws IOException {
        BackgroundFrequencies counted = BackgroundFrequencies.count(
                List.of("核酸检测开始", "核酸检测结束", "疫苗接种"), new TermSplitter(), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counted.write(out, "test");
        BackgroundFrequencies read = BackgroundFrequencies.read(new ByteArrayInputStream(out.toByteArray()));

        assertEquals(counted.size(), read.size());
        assertEquals(counted.idf("核酸"), read.idf("核酸"));
        assertTrue(read.idf("核酸") < read.idf("疫苗"));
        assertTrue(read.idf("疫苗") < read.idf("never-seen"));
    }
}
