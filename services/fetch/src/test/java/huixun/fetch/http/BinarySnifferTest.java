package huixun.fetch.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BinarySnifferTest {
    private static final String PAGE = "<!DOCTYPE html><html><head><title>疫情防控</title></head><body>"
            + "<p>江苏省委常委会召开会议，研究部署全省疫情防控工作。</p>".repeat(20) + "</body></html>";

    @Test
    void imagesArchivesAndRandomBytesAreBinary() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        assertEquals(Optional.of("PNG image"), BinarySniffer.binaryKind(png));
        assertEquals(Optional.of("PDF document"), BinarySniffer.binaryKind("%PDF-1.7\n...".getBytes(
                StandardCharsets.US_ASCII)));
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        noise[0] = '<';
        assertEquals(Optional.of("binary data"), BinarySniffer.binaryKind(noise));
    }

    @Test
    void pagesStayPagesEvenWithAStrayNulOrInUtf16() {
        assertEquals(Optional.empty(), BinarySniffer.binaryKind(PAGE.getBytes(StandardCharsets.UTF_8)));
        byte[] withNul = PAGE.replaceFirst("，", "，\u0000").getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), BinarySniffer.binaryKind(withNul));
        byte[] utf16 = ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(Optional.empty(), BinarySniffer.binaryKind(utf16));
        assertEquals(Optional.empty(), BinarySniffer.binaryKind(new byte[0]));
    }
}
