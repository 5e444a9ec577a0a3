package huixun.normalise.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a saved page that comes without HTTP headers: byte order mark, else {@code <meta charset>} (or its
 * {@code http-equiv} form) in the first 4096 bytes, else UTF-8 when the bytes are valid UTF-8, else GB18030.
 * GB2312/GBK labels widen to GB18030 and Big5 to Big5-HKSCS, as browsers decode them (WHATWG Encoding Standard).
 *
 * <p>The same order as fetch's {@code huixun.fetch.charset.CharsetDetector} less the Content-Type step; normalise may
 * not depend on fetch, so this is a second copy of the logic, and the two should move into one shared place.
 */
final class PageDecoder {
    private static final int META_SCAN_BYTES = 4096;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Set<String> GB_LABELS = Set.of("gb2312", "gbk", "x-gbk", "gb18030", "cp936", "ms936",
            "windows-936", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "euc-cn");
    private static final Set<String> BIG5_LABELS = Set.of("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5",
            "x-big5");
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile("charset\\s*=\\s*[\"']?([^\\s;\"'/>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_TAG = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    static String decode(byte[] body) {
        if (startsWith(body, 0xef, 0xbb, 0xbf)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xfe, 0xff)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xff, 0xfe)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Optional<Charset> declared = fromMeta(body);
        if (declared.isPresent()) {
            return new String(body, declared.get());
        }
        return strictUtf8(body).orElseGet(() -> new String(body, GB18030));
    }

    private static Optional<Charset> fromMeta(byte[] body) {
        // ISO-8859-1 maps byte n to char n, so the ASCII markup reads correctly whatever the real charset is.
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher tag = META_TAG.matcher(head);
        while (tag.find()) {
            Matcher parameter = CHARSET_PARAMETER.matcher(tag.group());
            if (parameter.find()) {
                Optional<Charset> charset = forLabel(parameter.group(1));
                if (charset.isPresent()) {
                    // Markup readable as ASCII is not UTF-16 whatever it claims (HTML Standard, prescan).
                    return charset.get().name().startsWith("UTF-16") ? Optional.of(StandardCharsets.UTF_8) : charset;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> forLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (GB_LABELS.contains(name)) {
            return Optional.of(GB18030);
        }
        if (BIG5_LABELS.contains(name)) {
            return Optional.of(BIG5_HKSCS);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty(); // an unknown label: the next source decides
        }
    }

    /** The body as UTF-8 when it is valid UTF-8; decoded once, as the test and the result are the same work. */
    private static Optional<String> strictUtf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not UTF-8: the caller falls back to GB18030
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
