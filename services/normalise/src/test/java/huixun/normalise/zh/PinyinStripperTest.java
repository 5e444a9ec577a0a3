package huixun.normalise.zh;

import huixun.normalise.extract.SamplePage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinyinStripperTest {
    /** Any bracket holding a tone-marked Latin letter, or the lossy {@code ?syllable)} form: what must not be left. */
    private static final Pattern ANY_PINYIN = Pattern.compile(
            "[(（?][^()（）]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][^()（）]*[)）]");
    /** A bracket pair without any tone mark inside: a legitimate parenthesis the stripper must keep. */
    private static final Pattern LEGITIMATE = Pattern.compile(
            "[(（][^()（）āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ?]*[)）]");

    private final PinyinStripper stripper = new PinyinStripper();

    /**
     * The legitimate parentheses of the seed pages' whole text, read by hand from the pages (002: the mirror's
     * original-title marker, a list of administrative levels, its disclaimer; 004: the byline and the source line),
     * with the pinyin inside them removed.
     */
    static Stream<Arguments> seedPages() {
        return Stream.of(
                Arguments.of("suxun/news/", List.of("(原標題)", "(市、區)", "(非江蘇蘇訊網)")),
                Arguments.of("suxun/guonei/", List.of("(江西日報全媒體記者魏星)", "(來源:江西日報)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedPages")
    void seedPagesLoseEveryAnnotationAndKeepEveryParenthesis(String page, List<String> parentheses) {
        String text = Jsoup.parse(SamplePage.named(page).html()).body().text();
        assertTrue(ANY_PINYIN.matcher(text).find(), "fixture: the seed page has pinyin");
        String stripped = stripper.strip(text);
        long brackets = stripped.chars().filter(c -> c == '(' || c == '（').count();
        assertAll(
                () -> assertFalse(ANY_PINYIN.matcher(stripped).find(), () -> "left: " + first(stripped)),
                () -> assertFalse(stripper.hasAnnotation(stripped)),
                () -> assertEquals(parentheses, legitimate(stripped), "legitimate parentheses changed"),
                () -> assertEquals(parentheses.size(), brackets, "an opening bracket too many or too few"));
    }

    @Test
    void annotationsGoAndTheCharactersStay() {
        assertAll(
                () -> assertEquals("經濟", stripper.strip("經(jīng)濟")),
                () -> assertEquals("領導", stripper.strip("領(lǐng)導(dǎo)")),
                () -> assertEquals("江西日報全媒體記者", stripper.strip("江西日?qǐng)?bào)全媒體記者")),
                () -> assertEquals("縣(市、區)", stripper.strip("縣(市、區(qū))")),
                () -> assertEquals("責編:許欽", stripper.strip("責(zé)編:許欽")));
    }

    @Test
    void legitimateParenthesesStay() {
        for (String text : List.of("江蘇:堅定決心(原標題)", "召开（扩大）会议", "世界卫生组织(WHO)与(ABC)", "统计(2021)",
                "the café (née Smith)")) {
            assertEquals(text, stripper.strip(text));
        }
    }

    private static List<String> legitimate(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = LEGITIMATE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String first(String text) {
        Matcher m = ANY_PINYIN.matcher(text);
        return m.find() ? text.substring(Math.max(0, m.start() - 10), Math.min(text.length(), m.end() + 10)) : "";
    }
}
