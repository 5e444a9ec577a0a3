package huixun.normalise.boilerplate;

import huixun.normalise.extract.SamplePage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredTextTest {
    @Test
    void readsTheFirstLiteralOrGroupOfLiteralsEveryMatchPassesThrough() {
        assertEquals(List.of("原"), alternatives("[（(]?原[标標]?[题題]\\s*[:：].*"));
        assertEquals(List.of("原"), alternatives(".{2,100}[（(]原[标標][题題][)）]"));
        assertEquals(List.of("责任编辑", "责编"), alternatives("[（(【]?(责任编辑|责编)\\s*[:：]\\s*(?<value>.{1,20})"));
        assertEquals(List.of("尽在", "下载"), alternatives(".{0,30}(尽在|下载).{0,20}(APP|客户端)"));
        assertEquals(List.of("("), alternatives("\\([a-zü]*[āáǎà][a-zü]*\\)"));
        assertEquals(List.of("本报", "本網"), alternatives("(?:本报|本網)(特约)?(记者|通讯员)"));
        assertEquals(List.of("b"), alternatives("a?b{2,3}"));
        assertEquals(List.of("记者"), alternatives("(本报|本網)?(记者)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)abc", "a|b", ".*", "a*b?", "(a|b.)c?", "\\Qab\\E", "\\012", "(a)\\1", "(?=a)",
            "(a|)", "[ab]{0,2}", "\\s+\\d"})
    void knowsNoTextWhereItCannotBeSure(String regex) {
        assertNull(alternatives(regex), regex);
        assertNull(RequiredText.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)).alternatives());
    }

    /** Over the rules file's patterns: a line lacking the required text never matches, in full or in part. */
    @Test
    void noLineWithoutTheRequiredTextMatches() throws InvalidRulesException {
        BoilerplateRules rules = BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE);
        List<Pattern> patterns = new ArrayList<>();
        rules.ignores().forEach(rule -> patterns.add(rule.pattern()));
        rules.lines().forEach(rule -> patterns.add(rule.pattern()));
        rules.fields().forEach(rule -> patterns.add(rule.pattern()));
        List<String> texts = new ArrayList<>();
        for (SamplePage page : SamplePage.all()) {
            texts.addAll(List.of(Jsoup.parse(page.html()).body().wholeText().split("\n")));
        }
        Random random = new Random(11);
        String alphabet = "责任编辑原标題题来源本报记者扫码下载APP（(：:)）评论图片 abc12";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(24); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        int known = 0;
        for (Pattern pattern : patterns) {
            RequiredText required = RequiredText.of(pattern);
            known += required.alternatives() == null ? 0 : 1;
            for (String text : texts) {
                if (!required.mayMatch(text)) {
                    assertFalse(pattern.matcher(text).find(), () -> pattern + " matches " + text);
                }
            }
        }
        // a rule without required text is fine (it always runs), but most have some, or the reader went wrong
        assertTrue(known > patterns.size() / 2, known + " of " + patterns.size() + " patterns have required text");
    }

    private static List<String> alternatives(String regex) {
        return RequiredText.of(Pattern.compile(regex)).alternatives();
    }
}
