package huixun.fetch.http;

import java.util.List;
import java.util.Optional;

/**
 * Tells a binary body served as a page (an image, an archive, random bytes behind a {@code text/html} header) from
 * markup, so it fails as {@code unsupported_content_type} instead of reaching normalise as garbage text. After the
 * WHATWG MIME Sniffing Standard: its signatures for images, PDF and archives, and its "binary data bytes" (controls
 * that text never holds). A page with a stray NUL stays a page: only a share above 1 % of the first 4 KiB counts.
 */
public final class BinarySniffer {
    private static final int WINDOW = 4096;
    private static final List<Signature> SIGNATURES = List.of(
            new Signature("PNG image", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            new Signature("GIF image", 'G', 'I', 'F', '8'),
            new Signature("JPEG image", 0xFF, 0xD8, 0xFF),
            new Signature("WebP or other RIFF file", 'R', 'I', 'F', 'F'),
            new Signature("PDF document", '%', 'P', 'D', 'F', '-'),
            new Signature("ZIP archive", 'P', 'K', 0x03, 0x04),
            new Signature("gzip stream", 0x1F, 0x8B, 0x08),
            new Signature("7-Zip archive", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            new Signature("RAR archive", 'R', 'a', 'r', ' ', 0x1A, 0x07));

    private BinarySniffer() {
    }

    /** What the body is when it is not text, e.g. {@code PNG image}; empty for text and markup. */
    public static Optional<String> binaryKind(byte[] body) {
        for (Signature signature : SIGNATURES) {
            if (signature.startsOf(body)) {
                return Optional.of(signature.kind);
            }
        }
        boolean utf16 = body.length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
                || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE);
        if (utf16) {
            return Optional.empty(); // every other byte of ASCII markup is NUL there
        }
        int window = Math.min(body.length, WINDOW);
        int binary = 0;
        for (int i = 0; i < window; i++) {
            int b = body[i] & 0xff;
            if (b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F)) {
                binary++;
            }
        }
        return binary * 100 > window ? Optional.of("binary data") : Optional.empty();
    }

    private record Signature(String kind, int... bytes) {
        boolean startsOf(byte[] body) {
            if (body.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if ((body[i] & 0xff) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
