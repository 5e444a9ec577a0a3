package huixun.contracts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleIdTest {
    @Test
    void sameUrlGivesSameSixteenHexDigitId() {
        String id = ArticleId.of("https://example.org/news/1.html");
        assertEquals(id, ArticleId.of("https://example.org/news/1.html"));
        assertTrue(ArticleId.isValid(id), id);
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        assertNotEquals(ArticleId.of("https://example.org/a"), ArticleId.of("https://example.org/b"));
    }

    @Test
    void idIsSha256Prefix() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertEquals("ba7816bf8f01cfea", ArticleId.of("abc"));
    }

    @Test
    void malformedIdsAreRejected() {
        assertFalse(ArticleId.isValid("BA7816BF8F01CFEA"));
        assertFalse(ArticleId.isValid("ba78"));
        assertFalse(ArticleId.isValid(null));
    }

    @Test
    void statusesOnlyMoveForward() {
        assertTrue(ArticleStatus.RECEIVED.precedes(ArticleStatus.FETCHED));
        assertTrue(ArticleStatus.CLASSIFIED.precedes(ArticleStatus.FAILED));
        assertFalse(ArticleStatus.NORMALISED.precedes(ArticleStatus.FETCHED));
        assertFalse(ArticleStatus.PUBLISHED.precedes(ArticleStatus.FAILED));
    }
}
