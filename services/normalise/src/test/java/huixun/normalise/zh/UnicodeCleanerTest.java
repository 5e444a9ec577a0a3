package huixun.normalise.zh;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class UnicodeCleanerTest {
    /** The regex {@link UnicodeCleaner#withoutSpacesBetweenCjk} stands for. */
    private static final String CJK =
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20]";
    private static final Pattern SPACE_BETWEEN_CJK =
            Pattern.compile("(?<=" + CJK + ")[\\s\\u3000\\u00A0]+(?=" + CJK + ")");
    private final UnicodeCleaner cleaner = new UnicodeCleaner();

    @Test
    void fullWidthLettersAndDigitsBecomeAsciiWhileChinesePunctuationStays() {
        assertEquals("新华社北京11月11日电（记者AB）：GDP增长5%。", cleaner.clean("新华社北京１１月１１日电（记者ＡＢ）：ＧＤＰ增长5%。"));
        assertEquals("COVID-19疫苗，第3剂", cleaner.clean("ＣＯＶＩＤ-１９疫苗，第３剂"));
    }

    @Test
    void ideographicSpacesAndSpacesBetweenChineseCharactersGo() {
        assertEquals("中国江苏网讯（记者耿联）2月17日", cleaner.clean("中国江苏网讯（记者 耿联）2月17日"));
        assertEquals("省委常委会召开会议", cleaner.clean("省委　常委会　召开会议"));
        assertEquals("用 iPhone 拍摄", cleaner.clean("用 iPhone 拍摄"));
        assertEquals("Hello world", cleaner.clean("Hello\u3000world"));
    }

    @Test
    void controlAndZeroWidthCharactersGoButEmojiSequencesKeepTheirJoiners() {
        assertEquals("疫情防控工作。", cleaner.clean("疫\u200b情防\u200d控\u0007工作\u0001。\ufeff"));
        assertEquals("零宽字符", cleaner.characters("零\u200b宽\u200c字\u200d符\u2060"));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals("一家人" + family, cleaner.clean("一家人" + family));
        assertEquals("tab\tand\nlines", cleaner.characters("tab\tand\nlines"));
    }

    @Test
    void textIsComposedToNfc() {
        assertEquals("café", cleaner.clean("cafe\u0301"));
    }

    @Test
    void headlinesKeepTheirClauseSpace() {
        assertEquals("江苏：深入贯彻总书记讲话精神 奋力夺取双胜利", cleaner.characters("江苏：深入贯彻总书记讲话精神 奋力夺取双胜利"));
    }

    @Test
    void spacesBetweenCjkGoExactlyAsTheRegexFindsThem() {
        // spaces of every kind, CJK of every kind (a supplementary ideograph too), Latin, lone surrogates
        String[] pieces = {" ", "\t", "\n", "\u000B", "\u3000", "\u00A0", "\u2003", "中", "。", "（", "：", "あ", "ア",
            "\uD840\uDC00", "\uD840", "\uDC00", "a", "1", "·", "\u2E80", "\uFF5E"};
        Random random = new Random(20261126);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            assertEquals(SPACE_BETWEEN_CJK.matcher(s).replaceAll(""), UnicodeCleaner.withoutSpacesBetweenCjk(s), s);
        }
    }

    @Test
    void plainLatinTextIsAlreadyNfc() {
        // UnicodeCleaner.characters returns such text without asking Normalizer: check every character and pair.
        StringBuilder plain = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (UnicodeCleaner.isPlainLatin(String.valueOf(c))) {
                plain.append(c);
            }
        }
        assertTrue(plain.indexOf("\u2019") >= 0 && plain.indexOf("\u00e9") >= 0 && plain.indexOf("\u0301") < 0);
        for (int i = 0; i < plain.length(); i++) {
            for (int j = 0; j < plain.length(); j++) {
                String pair = new String(new char[] {plain.charAt(i), plain.charAt(j)});
                if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) {
                    fail(Integer.toHexString(plain.charAt(i)) + " " + Integer.toHexString(plain.charAt(j)));
                }
            }
        }
        assertEquals("caf\u00e9 \u201cna\u00efve\u201d \u2014 \u00c5ngstr\u00f6m",
                cleaner.characters("caf\u00e9 \u201cna\u00efve\u201d \u2014 \u00c5ngstr\u00f6m"));
        assertEquals("tab\tcaf\u00e9", cleaner.characters("tab\tcaf\u00e9\u0001"), "a control character still goes");
    }

    @Test
    void noCjkCharacterLiesBelowTheFirstHanRadical() {
        Pattern cjk = Pattern.compile(CJK);
        for (int cp = 0; cp < 0x2E80; cp++) {
            assertFalse(cjk.matcher(Character.toString(cp)).matches(), Integer.toHexString(cp));
        }
    }
}
