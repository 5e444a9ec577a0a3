package huixun.classify.duplicate;

import com.hankcs.hanlp.HanLP;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The fingerprints of an article's text: a 64-bit SimHash for near-duplicates and a SHA-256 for exact copies. Both
 * are taken over the text normalised to Simplified Chinese, lower case, letters and digits only, so that a
 * Traditional copy, a copy with other punctuation or spacing, and the original all normalise alike.
 *
 * @param simhash     SimHash over {@value #SHINGLE}-character shingles of the normalised text
 * @param contentHash SHA-256 of the normalised text, hex
 */
public record TextFingerprint(long simhash, String contentHash) {
    /**
     * Shingle length: four characters is about two Chinese words, long enough that two unrelated reports on the
     * same theme share few shingles, short enough that one changed character touches only four.
     */
    static final int SHINGLE = 4;

    public static TextFingerprint of(String text) {
        String normalised = normalise(text);
        return new TextFingerprint(simhash(normalised), sha256(normalised));
    }

    /** Simplified, lower case, letters and digits only. */
    static String normalise(String text) {
        String simplified = HanLP.convertToSimplifiedChinese(text == null ? "" : text).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(simplified.length());
        simplified.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Charikar's SimHash: each bit is the majority vote of that bit over the shingles' 64-bit hashes. */
    static long simhash(String normalised) {
        int[] votes = new int[Long.SIZE];
        int shingles = Math.max(1, normalised.length() - SHINGLE + 1);
        for (int start = 0; start < shingles; start++) {
            long hash = hash(normalised, start, Math.min(normalised.length(), start + SHINGLE));
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (int) ((hash >>> bit) & 1) * 2 - 1; // +1 or -1 without a branch on a random bit
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (votes[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser: FNV alone leaves the high bits poorly mixed. */
    private static long hash(String text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private static String sha256(String normalised) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String simhashHex() {
        return HexFormat.of().toHexDigits(simhash);
    }
}
