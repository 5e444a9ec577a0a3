package huixun.pipeline.charset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding in one pass: the text of well-formed bytes (RFC 3629: no overlong forms, surrogates or code
 * points past U+10FFFF, as Java's decoder judges them), else nothing, decided at the first malformed byte. Java's
 * {@code new String(bytes, UTF_8)} decodes byte by byte and cannot say whether the bytes were well-formed (it puts
 * U+FFFD, which a page may also contain); a web page is mostly ASCII markup, which this decoder finds eight bytes
 * at a time and widens to chars through {@link String#getChars}, the JDK's vectorised inflation of Latin-1. About
 * twice as fast as the String constructor on the benchmark pages, and a page in another charset fails at its first
 * non-UTF-8 byte rather than after decoding all of it.
 */
final class Utf8Decoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Decoder() {
    }

    /** The text of {@code body}, or null when the bytes are not well-formed UTF-8. */
    static String decode(byte[] body) {
        int length = body.length;
        int at = asciiEnd(body, 0);
        if (at == length) {
            return new String(body, StandardCharsets.ISO_8859_1); // ASCII reads the same in both
        }
        // Latin-1 maps byte n to char n: its chars are the ASCII runs' chars, copied out with getChars
        String bytes = new String(body, StandardCharsets.ISO_8859_1);
        char[] text = new char[length];
        bytes.getChars(0, at, text, 0);
        int end = at;
        while (at < length) {
            int lead = body[at];
            if (lead >= 0) {
                int run = asciiEnd(body, at);
                bytes.getChars(at, run, text, end);
                end += run - at;
                at = run;
                continue;
            }
            lead &= 0xff;
            int size;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                size = 2;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                size = 3;
                secondMin = lead == 0xe0 ? 0xa0 : 0x80; // below: overlong
                secondMax = lead == 0xed ? 0x9f : 0xbf; // above: surrogates
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                size = 4;
                secondMin = lead == 0xf0 ? 0x90 : 0x80; // below: overlong
                secondMax = lead == 0xf4 ? 0x8f : 0xbf; // above: past U+10FFFF
            } else {
                return null;
            }
            if (at + size > body.length) {
                return null;
            }
            int second = body[at + 1] & 0xff;
            if (second < secondMin || second > secondMax) {
                return null;
            }
            int codePoint = (lead & (0xff >> (size + 1))) << 6 | (second & 0x3f);
            for (int k = 2; k < size; k++) {
                if (!isContinuation(body[at + k])) {
                    return null;
                }
                codePoint = codePoint << 6 | (body[at + k] & 0x3f);
            }
            if (size == 4) {
                text[end++] = Character.highSurrogate(codePoint);
                text[end++] = Character.lowSurrogate(codePoint);
            } else {
                text[end++] = (char) codePoint;
            }
            at += size;
        }
        return new String(text, 0, end);
    }

    /** The index of the first byte at or after {@code from} that is not ASCII, or the length. */
    private static int asciiEnd(byte[] body, int from) {
        int at = from;
        while (at + Long.BYTES <= body.length && ((long) LONGS.get(body, at) & HIGH_BITS) == 0) {
            at += Long.BYTES;
        }
        while (at < body.length && body[at] >= 0) {
            at++;
        }
        return at;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
