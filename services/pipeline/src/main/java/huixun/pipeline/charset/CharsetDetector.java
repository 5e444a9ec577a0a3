package huixun.pipeline.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the charset of an HTML page and decodes it. Sources, first found wins: a byte order mark; the
 * {@code charset} parameter of the Content-Type header; a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type" content="…charset=…">} in the first {@value #META_SCAN_BYTES} bytes; UTF-8
 * when the bytes are valid UTF-8; else Big5-HKSCS or GB18030 (the superset of GB2312 and GBK), told apart by their
 * second bytes (see {@link #looksLikeBig5}).
 * A label Java does not know falls through to the next source, and so does a declared charset the bytes are not
 * valid in (a lying header).
 *
 * <p>The BOM comes before the header as in the WHATWG Encoding Standard's "decode" (and every browser): a BOM is
 * unambiguous, while a header is often a server default that the page never matched.
 *
 * <p>Labels are widened to the superset a browser really decodes with (WHATWG Encoding Standard, "labels"):
 * GB2312 and GBK pages carry GB18030 characters, Big5 pages carry HKSCS ones, so reading them with the narrow
 * charset would turn those characters into replacement characters.
 */
public final class CharsetDetector {
    /** How far the meta prescan looks, as in the HTML Standard's prescan (1024) with room for long heads. */
    static final int META_SCAN_BYTES = 4096;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Set<String> GB_LABELS = Set.of("gb2312", "gbk", "x-gbk", "gb18030", "cp936", "ms936",
            "windows-936", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "euc-cn");
    private static final Set<String> BIG5_LABELS = Set.of("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5",
            "x-big5");
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile("charset\\s*=\\s*[\"']?([^\\s;\"'/>]+)", Pattern.CASE_INSENSITIVE);
    /** Fewer double-byte characters than this say too little to call a page Big5. */
    private static final int BIG5_MIN_PAIRS = 8;
    private static final Pattern META_TAG = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);

    private CharsetDetector() {
    }

    /** Decodes the body with the detected charset, without its byte order mark. */
    public static DecodedPage decode(String contentType, byte[] body) {
        return resolve(contentType, body);
    }

    /**
     * The charset to decode {@code body} with.
     *
     * @param contentType the Content-Type header, or null when the response had none
     */
    public static Charset detect(String contentType, byte[] body) {
        return resolve(contentType, body).charset();
    }

    /**
     * Detection and decoding in one: a charset is often chosen because the bytes decode cleanly in it, and that
     * decoding is then the page's text, so no page is decoded twice.
     */
    private static DecodedPage resolve(String contentType, byte[] body) {
        Optional<Bom> bom = bom(body);
        if (bom.isPresent()) {
            Charset charset = bom.get().charset;
            return new DecodedPage(new String(body, bom.get().length, body.length - bom.get().length, charset),
                    charset);
        }
        // A declaration is believed only if the bytes decode in it without error: servers often send a default
        // charset (typically UTF-8) for pages saved in GBK, and such a header would turn every character into
        // U+FFFD. Decoding cleanly proves little for single-byte charsets, so among those the header still wins.
        List<Charset> declared = Stream.of(fromContentType(contentType), fromMeta(body))
                .flatMap(Optional::stream).toList();
        for (Charset charset : declared) {
            Optional<DecodedPage> page = decodeCleanly(body, charset);
            if (page.isPresent()) {
                return page.get();
            }
        }
        Optional<DecodedPage> utf8 = decodeCleanly(body, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (declared.isEmpty() && looksLikeBig5(body)) {
            Optional<DecodedPage> page = decodeCleanly(body, BIG5_HKSCS);
            if (page.isPresent()) {
                return page.get();
            }
        }
        if (!declared.isEmpty()) {
            Optional<DecodedPage> page = decodeCleanly(body, GB18030);
            // Nothing fits exactly (a page with a few broken bytes): its own declaration is the best guess.
            return page.orElseGet(() -> new DecodedPage(new String(body, declared.get(0)), declared.get(0)));
        }
        return new DecodedPage(new String(body, GB18030), GB18030);
    }

    /** The charset a label names, widened as described above, or empty for a label Java does not support. */
    static Optional<Charset> forLabel(String label) {
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
            return Optional.empty();
        }
    }

    private static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher parameter = CHARSET_PARAMETER.matcher(contentType);
        return parameter.find() ? forLabel(parameter.group(1)) : Optional.empty();
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
                    // A page whose meta we could read as ASCII is not UTF-16 whatever it claims (HTML Standard,
                    // prescan): such pages were saved as UTF-8 by an editor that kept the old declaration.
                    return charset.get().name().startsWith("UTF-16") ? Optional.of(StandardCharsets.UTF_8) : charset;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Undeclared double-byte Chinese: almost any Big5 text also decodes as GB18030 (into rare characters), so
     * decoding cleanly cannot tell them apart. Their second bytes can: GB2312 puts both bytes of a character in
     * 0xA1–0xFE, while about 40 % of Big5 characters have a second byte in 0x40–0x7E. A page where more than a tenth
     * of the pairs do is Big5 (GBK's own 0x40–0x7E area holds rare characters only).
     */
    static boolean looksLikeBig5(byte[] body) {
        int pairs = 0;
        int lowSecondBytes = 0;
        for (int i = 0; i + 1 < body.length; i++) {
            int lead = body[i] & 0xff;
            if (lead >= 0x81 && lead <= 0xfe) {
                int second = body[++i] & 0xff;
                pairs++;
                if (second >= 0x40 && second <= 0x7e) {
                    lowSecondBytes++;
                }
            }
        }
        return pairs >= BIG5_MIN_PAIRS && lowSecondBytes * 10 > pairs;
    }

    /** The page decoded in {@code charset}, or empty when the bytes are not valid in it. */
    private static Optional<DecodedPage> decodeCleanly(byte[] body, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // Most pages are UTF-8: checked and decoded in one pass, twice as fast as the String constructor
            String text = Utf8Decoder.decode(body);
            return text == null ? Optional.empty() : Optional.of(new DecodedPage(text, charset));
        }
        try {
            CharBuffer text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return Optional.of(new DecodedPage(text.toString(), charset));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Bom> bom(byte[] body) {
        for (Bom bom : Bom.values()) {
            if (bom.startsOf(body)) {
                return Optional.of(bom);
            }
        }
        return Optional.empty();
    }

    private enum Bom {
        UTF_8(StandardCharsets.UTF_8, 0xef, 0xbb, 0xbf),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xfe, 0xff),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xff, 0xfe);

        private final Charset charset;
        private final int[] bytes;
        private final int length;

        Bom(Charset charset, int... bytes) {
            this.charset = charset;
            this.bytes = bytes;
            this.length = bytes.length;
        }

        boolean startsOf(byte[] body) {
            if (body.length < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((body[i] & 0xff) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
