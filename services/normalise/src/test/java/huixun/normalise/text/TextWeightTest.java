package huixun.normalise.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextWeightTest {

    @Test
    void lettersCountCjkCharactersLatinLettersAndDigitsOnly() {
        assertEquals(11, TextWeight.letters("会议指出， ok 2021年！"));
    }

    @Test
    void cjkCountsHanCharacters() {
        assertEquals(4, TextWeight.cjk("會議指出 (huì) 2021"));
    }

    @Test
    void measureCountsLettersCjkAndLatinInOnePass() {
        String text = "會議 café Ñu 2021 \uD840\uDC00あア한 Ωμέγα ＡＢ";
        int[] counts = {1, 2, 3};
        TextWeight.measure(text, counts);
        assertEquals(1 + TextWeight.letters(text), counts[0]);
        assertEquals(2 + TextWeight.cjk(text), counts[1]);
        assertEquals(3 + 8, counts[2], "café, Ñu and the full-width ＡＢ are Latin; Greek is not");
    }

    @Test
    void trimRemovesIdeographicAndNoBreakSpaces() {
        assertEquals("会议还研究了其他事项。", TextWeight.trim(" \u3000\u3000会议还研究了其他事项。\u00A0\n"));
        assertEquals("正文\u3000 ", TextWeight.trimStart("\u3000正文\u3000 "));
        assertEquals(" \u3000正文", TextWeight.trimEnd(" \u3000正文\u00A0"));
    }
}
