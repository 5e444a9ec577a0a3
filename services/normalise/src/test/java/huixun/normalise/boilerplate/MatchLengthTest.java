package huixun.normalise.boilerplate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchLengthTest {
    @Test
    void boundedFormsCountTwoCharsPerElement() {
        assertEquals(2 * 105, longest(".{2,100}[（(]原[标標][题題][)）]"));
        assertEquals(2 * 45, longest(".{0,20}(扫一扫|扫描二维码|二维码).{0,20}"));
        assertEquals(2 * 3, longest("(?i)^(ab|c)?\\d$"));
        assertEquals(2 * 4, longest("(?<value>\\p{IsHan}{2})(?=x)\\Qab\\E"));
        assertEquals(2 * 2, longest("(?:a|\\u00e9)\\x41{1}+"));
        assertEquals(0, longest("^(?<=a)$"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a*", "a+", "a{2,}", "(a)\\1", "(?<x>a)\\k<x>", "(?x)a b", "\\X", "[]a]", "a\\s*b"})
    void openFormsAreUnbounded(String regex) {
        assertEquals(MatchLength.UNBOUNDED, longest(regex));
    }

    /** The bound holds: no text longer than it matches in full, and the rule check skips only such texts. */
    @Test
    void noLongerTextMatches() {
        Pattern pattern = Pattern.compile(".{0,3}(ab|c)?\\d{1,2}");
        int longest = MatchLength.longest(pattern);
        String alphabet = "abc12\uD840\uDC00 ";
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(17); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (pattern.matcher(text).matches()) {
                assertTrue(text.length() <= longest, text.toString());
            }
        }
        BoilerplateRules.LineRule rule = new BoilerplateRules.LineRule("r", Pattern.compile("a{1,2}"));
        assertTrue(rule.fits("aaaa"));
        assertFalse(rule.fits("aaaaa"));
    }

    private static int longest(String regex) {
        return MatchLength.longest(Pattern.compile(regex));
    }
}
