package huixun.publish.api;

import huixun.pipeline.problem.ProblemException;
import huixun.publish.search.ArticleFilter;
import huixun.publish.store.ListPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            "lang; Chinese", "from; yesterday", "to; 2021-13-01", "q; ，。！", "q; '   '"})
    void malformedValuesAreProblemsNamingTheParameter(String name, String value) {
        ProblemException problem = assertThrows(ProblemException.class, () -> ListRequest.filter(
                name.equals("topic") ? value : null, name.equals("region") ? value : null,
                name.equals("source") ? value : null, name.equals("lang") ? value : null,
                name.equals("from") ? value : null, name.equals("to") ? value : null,
                name.equals("q") ? value : null));
        assertEquals("invalid-parameter", problem.type());
        assertTrue(problem.getMessage().startsWith(name), problem::getMessage);
    }

    @Test
    void aHugeQueryIsRefused() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> ListRequest.filter(null, null, null, null, null, null, "疫".repeat(201)));
        assertTrue(problem.getMessage().contains("at most 200"));
    }

    @Test
    void fromMustComeBeforeTo() {
        assertThrows(ProblemException.class,
                () -> ListRequest.filter(null, null, null, null, "2021-08-02", "2021-08-01", null));
    }

    @Test
    void aDateAsToMeansThroughItsEnd() {
        ArticleFilter filter = ListRequest.filter(null, null, "WWW.Example.CN", null, "2021-08-02", "2021-08-02",
                null);
        assertEquals(Instant.parse("2021-08-02T00:00:00Z"), filter.from());
        assertEquals(Instant.parse("2021-08-03T00:00:00Z"), filter.to());
        assertEquals("www.example.cn", filter.source());
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
