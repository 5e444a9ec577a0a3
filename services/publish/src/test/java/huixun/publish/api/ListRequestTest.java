package huixun.publish.api;

import huixun.pipeline.problem.ProblemException;
import huixun.publish.search.ArticleFilter;
import huixun.publish.store.ListPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListRequestTest {
    @Test
    void cursorsRoundTrip() {
        ListPosition position = new ListPosition(Instant.parse("2026-11-26T10:00:00.123456Z"), "0123456789abcdef");
        assertEquals(position, ListRequest.position(ListRequest.cursor(position)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "topic; economy", "topic; 0400000", "region; cn-gd", "region; CN-GUANGDONG", "source; not a host",
            "lang; Chinese", "from; yesterday", "to; 2021-13-01", "q; ，。！", "q; '   '", "script; hant",
            "script; Traditional", "includeDuplicates; yes", "person; ''"})
    void malformedValuesAreProblemsNamingTheParameter(String name, String value) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> ListRequest.filter(FilterParameters.of(Map.of(name, value))));
        assertEquals("invalid-parameter", problem.type());
        assertTrue(problem.getMessage().startsWith(name), problem::getMessage);
    }

    @Test
    void aHugeQueryIsRefused() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> ListRequest.filter(FilterParameters.of(Map.of("q", "疫".repeat(201)))));
        assertTrue(problem.getMessage().contains("at most 200"));
    }

    @Test
    void fromMustComeBeforeTo() {
        assertThrows(ProblemException.class,
                () -> ListRequest.filter(FilterParameters.of(Map.of("from", "2021-08-02", "to", "2021-08-01"))));
    }

    @Test
    void aDateAsToMeansThroughItsEnd() {
        ArticleFilter filter = ListRequest.filter(FilterParameters.of(Map.of("source", "WWW.Example.CN",
                "from", "2021-08-02", "to", "2021-08-02")));
        assertEquals(Instant.parse("2021-08-02T00:00:00Z"), filter.from());
        assertEquals(Instant.parse("2021-08-03T00:00:00Z"), filter.to());
        assertEquals("www.example.cn", filter.source());
        assertFalse(filter.includeDuplicates());
    }

    @Test
    void personScriptAndDuplicatesAreFilters() {
        ArticleFilter filter = ListRequest.filter(FilterParameters.of(Map.of("person", "王毅", "script", "Hant",
                "includeDuplicates", "true")));
        assertEquals("王毅", filter.person());
        assertEquals("Hant", filter.script());
        assertTrue(filter.includeDuplicates());
    }

    @ParameterizedTest
    @CsvSource({"not-base64!", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0yNnxub3QtYW4taWQ"})
    void forgedCursorsAreProblems(String cursor) {
        ProblemException problem = assertThrows(ProblemException.class, () -> ListRequest.position(cursor));
        assertTrue(problem.getMessage().startsWith("cursor"));
    }

    @Test
    void tagsMatchIfNoneMatchLists() {
        String tag = EntityTags.of("a", 1);
        assertTrue(EntityTags.matches("\"x\", " + tag, tag));
        assertTrue(EntityTags.matches("W/" + tag, tag));
        assertTrue(EntityTags.matches("*", tag));
        assertEquals(false, EntityTags.matches(null, tag));
        assertEquals(false, EntityTags.matches(EntityTags.of("a", 2), tag));
    }
}
