package huixun.pipeline.charset;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharsetDetectorTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final String SIMPLIFIED = "<html><body><p>疫情防控：江苏南京新增确诊病例</p></body></html>";
    private static final String TRADITIONAL = "<p>臺灣新聞：颱風過境，香港天文臺發出警告</p>";

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void gbkInTheHeaderIsReadAsGb18030() {
        byte[] body = bytes(SIMPLIFIED, "GBK");
        DecodedPage page = CharsetDetector.decode("text/html; charset=GBK", body);
        assertEquals(GB18030, page.charset());
        assertEquals(SIMPLIFIED, page.html());
    }

    @Test
    void headerLabelsAreCaseInsensitiveAndMayBeQuoted() {
        byte[] body = bytes(SIMPLIFIED, "GBK");
        assertEquals(GB18030, CharsetDetector.detect("text/html;charset=\"gb2312\"", body));
        assertEquals(GB18030, CharsetDetector.detect("text/html; Charset=x-gbk", body));
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("text/html; charset=UTF-8",
                bytes(SIMPLIFIED, "UTF-8")));
    }

    @Test
    void aHeaderTheBytesAreNotValidInIsDisbelieved() {
        assertEquals(GB18030, CharsetDetector.detect("text/html; charset=UTF-8", bytes(SIMPLIFIED, "GBK")));
    }

    @Test
    void undeclaredBig5IsToldFromUndeclaredGbkByItsSecondBytes() {
        String traditional = "<html><body><h1>未聲明編碼的繁體頁面</h1><p>江蘇省委常委會召開會議，傳達學習中央有關會議精神，"
                + "研究部署全省疫情防控工作。會議強調，要堅持人民至上、生命至上。</p></body></html>";
        assertEquals(BIG5_HKSCS, CharsetDetector.detect("text/html", bytes(traditional, "Big5")));
        assertEquals(traditional, CharsetDetector.decode(null, bytes(traditional, "Big5")).html());
        assertEquals(GB18030, CharsetDetector.detect("text/html", bytes(SIMPLIFIED + SIMPLIFIED, "GBK")));
        assertEquals(GB18030, CharsetDetector.detect(null, bytes(traditional, "GBK")),
                "Traditional text saved as GBK is still GBK");
    }

    @Test
    void big5InMetaIsReadAsBig5Hkscs() {
        String html = "<html><head><meta charset=\"big5\"><title>新聞</title></head><body>" + TRADITIONAL
                + "</body></html>";
        DecodedPage page = CharsetDetector.decode("text/html", bytes(html, "Big5"));
        assertEquals(BIG5_HKSCS, page.charset());
        assertEquals(html, page.html());
    }

    @Test
    void httpEquivMetaIsReadWhenTheHeaderHasNoCharset() {
        String html = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">"
                + "</head><body>" + SIMPLIFIED + "</body></html>";
        assertEquals(GB18030, CharsetDetector.detect(null, bytes(html, "GB2312")));
        assertEquals(GB18030, CharsetDetector.detect("text/html", bytes(html, "GB2312")));
    }

    @Test
    void metaBeyondTheFirst4KbIsIgnored() {
        String html = "<html><head><!--" + "x".repeat(CharsetDetector.META_SCAN_BYTES) + "--><meta charset=big5>"
                + "</head><body>" + SIMPLIFIED + "</body></html>";
        // Not found in the prescan (the GB2312 bytes would decode as Big5 too), not valid UTF-8: detection.
        assertEquals(GB18030, CharsetDetector.detect(null, bytes(html, "GB2312")));
    }

    @Test
    void headerWinsOverMeta() {
        String html = "<meta charset=\"big5\">" + SIMPLIFIED;
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("text/html; charset=utf-8",
                bytes(html, "UTF-8")));
    }

    @Test
    void byteOrderMarkWinsAndIsNotPartOfTheText() {
        byte[] utf8 = bytes("\uFEFF" + SIMPLIFIED, "UTF-8");
        DecodedPage page = CharsetDetector.decode("text/html; charset=gbk", utf8);
        assertEquals(StandardCharsets.UTF_8, page.charset());
        assertEquals(SIMPLIFIED, page.html());

        byte[] utf16 = bytes("\uFEFF" + SIMPLIFIED, "UTF-16LE");
        DecodedPage little = CharsetDetector.decode(null, utf16);
        assertEquals(StandardCharsets.UTF_16LE, little.charset());
        assertEquals(SIMPLIFIED, little.html());
    }

    @Test
    void invalidLabelFallsThroughToTheNextSource() {
        String html = "<meta charset=\"no-such-charset\"><meta charset=\"gbk\">" + SIMPLIFIED;
        assertEquals(GB18030, CharsetDetector.detect("text/html; charset=x-unknown-42", bytes(html, "GBK")));
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("text/html; charset=\u00e9\u00e9",
                bytes(SIMPLIFIED, "UTF-8")));
    }

    @Test
    void withoutAnyDeclarationValidUtf8IsUtf8AndEverythingElseGb18030() {
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(null, bytes(SIMPLIFIED, "UTF-8")));
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect("text/html", bytes("<p>plain ASCII</p>",
                "US-ASCII")));
        DecodedPage page = CharsetDetector.decode("text/html", bytes(SIMPLIFIED, "GBK"));
        assertEquals(GB18030, page.charset());
        assertEquals(SIMPLIFIED, page.html());
    }

    @Test
    void metaClaimingUtf16IsReadAsUtf8() {
        String html = "<meta charset=\"utf-16\">" + SIMPLIFIED;
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.detect(null, bytes(html, "UTF-8")));
    }

    @Test
    void labelsAreWidenedToTheirSupersets() {
        assertEquals(GB18030, CharsetDetector.forLabel("GB2312").orElseThrow());
        assertEquals(GB18030, CharsetDetector.forLabel(" x-gbk ").orElseThrow());
        assertEquals(BIG5_HKSCS, CharsetDetector.forLabel("BIG5").orElseThrow());
        assertTrue(CharsetDetector.forLabel("windows-1252").isPresent());
        assertFalse(CharsetDetector.forLabel("x-unknown-42").isPresent());
        assertFalse(CharsetDetector.forLabel("bad label!").isPresent());
    }
}
