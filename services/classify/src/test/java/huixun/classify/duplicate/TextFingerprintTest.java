package huixun.classify.duplicate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFingerprintTest {
    private static final String SIMPLIFIED = "江苏省委常委会召开会议，研究部署疫情防控工作。会议强调，要坚持人民至上、生命至上，"
            + "全面压紧压实属地、部门、单位和个人责任，尽快阻断疫情传播链条。";
    private static final String TRADITIONAL = "江蘇省委常委會召開會議，研究部署疫情防控工作。會議強調，要堅持人民至上、生命至上，"
            + "全面壓緊壓實屬地、部門、單位和個人責任，儘快阻斷疫情傳播鏈條。";

    @Test
    void traditionalAndSimplifiedNormaliseAlike() {
        assertEquals(TextFingerprint.of(SIMPLIFIED), TextFingerprint.of(TRADITIONAL));
    }

    @Test
    void punctuationSpacingAndCaseDoNotCount() {
        assertEquals(TextFingerprint.of("Covid-19: Jiangsu acts."), TextFingerprint.of("covid 19 jiangsu  ACTS"));
    }

    @Test
    void aSmallEditMovesTheSimHashLessThanAnotherTextAndTheContentHashCompletely() {
        TextFingerprint original = TextFingerprint.of(SIMPLIFIED);
        TextFingerprint edited = TextFingerprint.of(SIMPLIFIED.replace("尽快", "立即"));
        TextFingerprint other = TextFingerprint.of("江西省委常委会召开会议，传达学习中央政治局常务委员会会议精神，研究我省贯彻落实意见。"
                + "会议要求，各级领导干部要带头深入基层、深入一线，抓实抓细疫情防控各项工作。");

        assertNotEquals(original.contentHash(), edited.contentHash());
        assertTrue(Long.bitCount(original.simhash() ^ edited.simhash())
                < Long.bitCount(original.simhash() ^ other.simhash()));
    }

    @Test
    void hexIsSixteenDigits() {
        assertEquals(16, TextFingerprint.of("").simhashHex().length());
        assertEquals(64, TextFingerprint.of("").contentHash().length());
    }
}
