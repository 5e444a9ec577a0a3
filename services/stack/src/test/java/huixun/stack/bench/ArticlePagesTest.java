package huixun.stack.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticlePagesTest {
    private static final ArticlePages PAGES = ArticlePages.from(Path.of("../../samples/site"));

    @Test
    void pagesAreRepeatableAndSizedBetween5And200Kilobytes() {
        for (int n = 0; n < 300; n++) {
            byte[] page = PAGES.page(n);
            assertArrayEquals(page, PAGES.page(n), "page " + n + " is generated from n alone");
            assertTrue(page.length >= ArticlePages.MIN_BYTES * 0.9 && page.length <= ArticlePages.MAX_BYTES * 1.1,
                    "page " + n + " has " + page.length + " bytes");
        }
    }

    @Test
    void evenPagesAreChineseOddOnesEnglishInThreeLayouts() {
        String chinese = new String(PAGES.page(0), StandardCharsets.UTF_8);
        String english = new String(PAGES.page(1), StandardCharsets.UTF_8);
        assertTrue(chinese.contains("lang=\"zh-CN\"") && chinese.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff));
        assertTrue(english.contains("lang=\"en\""));
        Set<String> layouts = new HashSet<>();
        for (int n = 0; n < 3; n++) {
            String page = new String(PAGES.page(n), StandardCharsets.UTF_8);
            layouts.add(page.contains("id=\"article\"") ? "portal" : page.contains("<article>") ? "plain" : "blog");
        }
        assertEquals(3, layouts.size());
    }
}
