package huixun.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The article id: the first 64 bits of SHA-256 over the canonical URL, as 16 hex digits. Stable across runs. */
public final class ArticleId {
    private static final int HEX_DIGITS = 16;

    private ArticleId() {
    }

    public static String of(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[0-9a-f]{" + HEX_DIGITS + "}");
    }
}
