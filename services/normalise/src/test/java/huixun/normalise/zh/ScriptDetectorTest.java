package huixun.normalise.zh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScriptDetectorTest {
    private final ScriptDetector detector = new ScriptDetector();

    @Test
    void tellsLanguagesAndChineseScripts() {
        assertAll(
                () -> assertEquals("zh-Hans", detector.detect("江苏省委常委会召开会议，研究部署疫情防控工作。").tag()),
                () -> assertEquals("zh-Hant", detector.detect("江蘇省委常委會召開會議，研究部署疫情防控工作。").tag()),
                () -> assertEquals("ja", detector.detect("東京都は新型コロナウイルスの感染者が確認されたと発表しました。").tag()),
                () -> assertEquals("ko", detector.detect("서울시는 오늘 새로운 방역 지침을 발표했습니다.").tag()),
                () -> assertEquals("en", detector.detect("The committee met on Monday to discuss the plan.").tag()),
                () -> assertNull(detector.detect("12345 — !!!").tag()));
    }

    @Test
    void aChinesePageWithEnglishNamesIsStillChinese() {
        assertEquals("zh-Hans", detector.detect("苹果公司（Apple Inc.）发布了新款 iPhone 手机，售价 5999 元起。").tag());
    }
}
