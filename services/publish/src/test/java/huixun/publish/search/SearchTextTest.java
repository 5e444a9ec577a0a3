package huixun.publish.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {
    @Test
    void aCjkRunIsIndexedAsCharactersAndBigrams() {
        SearchText.Split split = SearchText.forIndex("疫情防控");
        assertEquals(List.of("疫", "疫情", "情", "情防", "防", "防控", "控"), List.copyOf(split.cjk()));
        assertTrue(split.latin().isBlank());
    }

    @Test
    void aQueryKeepsOnlyBigramsSoEveryPairMustMatch() {
        assertEquals(List.of("疫情", "情防", "防控"), SearchText.forQuery("疫情防控").cjk());
        assertEquals(List.of("疫"), SearchText.forQuery("疫").cjk());
    }

    @Test
    void punctuationAndLatinTextBreakRuns() {
        SearchText.Split split = SearchText.forQuery("南京，疫情 COVID-19 防控");
        assertEquals(List.of("南京", "疫情", "防控"), split.cjk());
        assertEquals(List.of("，", "COVID-19"), List.of(split.latin().strip().split("\\s+")));
    }

    @Test
    void englishTextStaysForTheEnglishConfiguration() {
        SearchText.Split split = SearchText.forIndex("Epidemic prevention in Nanjing");
        assertEquals("Epidemic prevention in Nanjing", split.latin());
        assertTrue(split.cjk().isEmpty());
    }

    @Test
    void onlyTheFirstHundredThousandCharactersAreIndexed() {
        String text = "中".repeat(SearchText.MAX_INDEXED_CHARS) + "国";
        assertEquals(List.of("中", "中中"), SearchText.forIndex(text).cjk());
    }

    @Test
    void nothingGivesNothing() {
        assertTrue(SearchText.forIndex(null).cjk().isEmpty());
        assertEquals("", SearchText.forQuery("").latin());
    }
}
