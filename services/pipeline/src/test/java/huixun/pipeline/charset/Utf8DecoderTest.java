package huixun.pipeline.charset;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8DecoderTest {

    @Test
    void decodesWhatJavasStrictDecoderDecodesAndRejectsWhatItRejects() {
        List<byte[]> cases = new ArrayList<>(List.of(new byte[0], utf8("ascii only"),
                utf8("<p>疫情防控：江苏南京新增确诊病例</p>😀"), utf8("\uFFFD is a character too"), hex("c0af"), hex("c1bf"),
                hex("c280"), hex("e080af"), hex("e0a080"), hex("eda080"), hex("ed9fbf"), hex("f08f8080"),
                hex("f0908080"), hex("f48fbfbf"), hex("f4908080"), hex("f5808080"), hex("e4b8"), hex("80"), hex("ff"),
                hex("efbbbf41"), hex("41424344454647e4b8ad"), hex("4142434445464748e4b8"), hex("c2")));
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            byte[] body = new byte[random.nextInt(8)];
            random.nextBytes(body);
            cases.add(body);
        }
        // Pages: ASCII runs of every length around the eight bytes read at a time, between characters of every
        // length, now and then one corrupted byte
        String[] characters = {"é", "’", "中", "😀", "\u0080", "\uFFFF", "\uD7FF", "\uE000", "\u07FF", "\u0800"};
        for (int n = 0; n < 5_000; n++) {
            ByteArrayOutputStream page = new ByteArrayOutputStream();
            for (int part = random.nextInt(12); part > 0; part--) {
                page.writeBytes(utf8("<p class=\"a\">".repeat(2).substring(0, random.nextInt(26))));
                page.writeBytes(utf8(characters[random.nextInt(characters.length)]));
            }
            byte[] body = page.toByteArray();
            if (body.length > 0 && random.nextInt(4) == 0) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            cases.add(body);
        }
        for (byte[] body : cases) {
            String expected = decodesStrictly(body) ? new String(body, StandardCharsets.UTF_8) : null;
            assertEquals(expected, Utf8Decoder.decode(body), () -> HexFormat.of().formatHex(body));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits);
    }

    private static boolean decodesStrictly(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
