package huixun.normalise.zh;

import huixun.normalise.text.TextWeight;

import java.util.BitSet;
import java.util.Map;

/**
 * Tells the language of a text from its characters (Chinese, Japanese, Korean, English) and, for Chinese, whether it
 * is written in Traditional ({@code Hant}) or Simplified ({@code Hans}) characters.
 *
 * <p>Hangul means Korean and kana means Japanese, since Chinese uses neither; Han text is Traditional when it holds
 * more characters that only Traditional writing uses (keys of OpenCC's TSCharacters that convert to another
 * character) than characters only Simplified writing uses (their conversions that are no key themselves).
 */
public final class ScriptDetector {
    /** Shares of the text's letters; where each number came from is said at its use. */
    private static final double HAN_SHARE_FOR_ZH = 0.3;
    private static final double LATIN_SHARE_FOR_EN = 0.8;
    /** Japanese running text has a kana in every few characters; a Chinese page quoting one Japanese name does not. */
    private static final double KANA_SHARE_FOR_JA = 0.1;
    private static final double HANGUL_SHARE_FOR_KO = 0.3;

    private static final class Sets {
        static final BitSet TRADITIONAL = new BitSet(Character.MAX_VALUE + 1);
        static final BitSet SIMPLIFIED = new BitSet(Character.MAX_VALUE + 1);

        static {
            Map<String, String> ts = OpenccDictionary.load("TSCharacters").entries();
            ts.forEach((traditional, simplified) -> {
                if (traditional.length() == 1 && !traditional.equals(simplified)) {
                    TRADITIONAL.set(traditional.charAt(0));
                }
            });
            ts.forEach((traditional, simplified) -> {
                if (simplified.length() == 1 && !ts.containsKey(simplified)) {
                    SIMPLIFIED.set(simplified.charAt(0));
                }
            });
        }
    }

    /**
     * @param language {@code zh}, {@code ja}, {@code ko}, {@code en}, or null when the text does not say
     * @param script   {@code Hant} or {@code Hans} for Chinese, else null
     */
    public record Detected(String language, String script) {
        /** The BCP 47 tag: {@code zh-Hant}, {@code zh-Hans}, {@code en} …; null when unknown. */
        public String tag() {
            return language == null ? null : script == null ? language : language + "-" + script;
        }
    }

    public Detected detect(String text) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int latin = 0;
        int traditional = 0;
        int simplified = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            // ASCII and the common ideographs (all of them letters) are told without a Unicode table lookup
            if (cp < 0x80) {
                boolean letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
                letters += letter || cp >= '0' && cp <= '9' ? 1 : 0;
                latin += letter ? 1 : 0;
                continue;
            }
            boolean commonHan = TextWeight.isCommonHan(cp);
            if (!commonHan && !Character.isLetterOrDigit(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = commonHan ? Character.UnicodeScript.HAN : Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN -> {
                    han++;
                    if (cp <= Character.MAX_VALUE) {
                        traditional += Sets.TRADITIONAL.get(cp) ? 1 : 0;
                        simplified += Sets.SIMPLIFIED.get(cp) ? 1 : 0;
                    }
                }
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case LATIN -> latin++;
                default -> {
                }
            }
        }
        if (letters == 0) {
            return new Detected(null, null);
        }
        if (hangul >= HANGUL_SHARE_FOR_KO * letters) {
            return new Detected("ko", null);
        }
        if (kana > 0 && kana >= KANA_SHARE_FOR_JA * (kana + han) && kana + han >= HAN_SHARE_FOR_ZH * letters) {
            return new Detected("ja", null);
        }
        if (han >= HAN_SHARE_FOR_ZH * letters) {
            return new Detected("zh", traditional > simplified ? "Hant" : "Hans");
        }
        return new Detected(latin >= LATIN_SHARE_FOR_EN * letters ? "en" : null, null);
    }
}
