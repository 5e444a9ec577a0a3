package huixun.normalise.zh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the inline pinyin some mirror sites put after characters, {@code 經(jīng)濟} → {@code 經濟}, and their lossy
 * form where a character and its opening bracket were lost in an encoding round trip, {@code 日?qǐng)?bào)} →
 * {@code 日報}.
 *
 * <p>An annotation is a bracketed run of pinyin syllables with at least one tone mark right after a Han character:
 * legitimate brackets hold no tone-marked Latin ({@code (原標題)}, {@code （扩大）}, {@code (ABC)}, {@code (2021)},
 * {@code (市、區)}), so they are never touched.
 */
public final class PinyinStripper {
    private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    /** The lowest tone-marked letter, à: ASCII and most other characters are told apart by one comparison. */
    private static final char FIRST_TONED = '\u00E0';
    /** One syllable: Latin letters with at least one tone mark (a neutral-tone syllable has none and is left). */
    private static final String SYLLABLE = "[a-zü]*[" + TONED + "][a-zü" + TONED + "]*";
    private static final Pattern ANNOTATION = Pattern.compile(
            "(?<=[\\p{IsHan}])[(（]" + SYLLABLE + "(?:\\s?" + SYLLABLE + ")*[)）]");
    /**
     * The lossy form: the mirror's encoder wrote {@code ?} for the character and dropped the opening bracket. Seen
     * only for 報 (日報, the suffix of most newspapers' names), whose annotation arrives as {@code ?qǐng)?bào)}; any
     * other {@code ?syllable)} run is an annotation whose character is lost, and goes with it.
     */
    private static final Pattern LOSSY_BAO = Pattern.compile("\\?qǐng\\)\\?bào\\)");
    private static final Pattern LOSSY = Pattern.compile("\\?" + SYLLABLE + "\\)");

    /** {@code text} without pinyin annotations; text without any is returned as is. */
    public String strip(String text) {
        if (text == null || text.isEmpty() || !hasTone(text)) {
            return text;
        }
        String out = LOSSY_BAO.matcher(text).replaceAll("報");
        out = LOSSY.matcher(out).replaceAll("");
        Matcher annotation = ANNOTATION.matcher(out);
        return annotation.find() ? annotation.replaceAll("") : out;
    }

    /** True when {@code text} holds an annotation {@link #strip} would remove. */
    public boolean hasAnnotation(String text) {
        return text != null && hasTone(text) && (ANNOTATION.matcher(text).find() || LOSSY.matcher(text).find());
    }

    /** Cheap pre-check: almost no page has a tone mark, and then the patterns need not run. */
    private static boolean hasTone(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FIRST_TONED && TONED.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
