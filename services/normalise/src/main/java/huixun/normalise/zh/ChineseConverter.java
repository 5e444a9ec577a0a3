package huixun.normalise.zh;

import java.util.List;

/**
 * Traditional → Simplified Chinese at phrase level over the OpenCC dictionaries in {@code zh/opencc/} (Apache-2.0,
 * see its SOURCE.md), chained as OpenCC's {@code t2s.json}, {@code tw2s.json} and {@code hk2s.json} chain them.
 *
 * <p>Each step is a group of dictionaries tried in order at each position; the first dictionary with any key there
 * gives its longest one (OpenCC's {@code short_circuit} match policy), else the character is copied. tw2s and hk2s
 * first cut the text into segments by longest match over TSPhrases (OpenCC's {@code mmseg}), then run their
 * regional-variant step and the common Traditional→Simplified step inside each segment. Every conversion first
 * replaces CJK compatibility ideographs by their unified form (OpenCC's {@code normalization}). OpenCC's
 * {@code TSCharactersExt} (rare Simplified forms common fonts lack, lines tagged {@code @tofu-risk} in TSCharacters)
 * is built from TSCharacters at load, as OpenCC's {@code extract_tofu_risk.py} builds it, and used as the configs
 * say.
 *
 * <p>The dictionaries are loaded once, when the class is first used (about 9,000 entries, a few MB of heap);
 * instances are immutable and thread-safe.
 */
public final class ChineseConverter {
    /** Which Traditional standard the text follows; OpenCC's config of the same name. */
    public enum Variant { T2S, TW2S, HK2S }

    private static final class Dictionaries {
        static final OpenccDictionary COMPATIBILITY = OpenccDictionary.load("CJK_Compatibility_Ideographs");
        static final OpenccDictionary TS_PHRASES = OpenccDictionary.load("TSPhrases");
        static final OpenccDictionary TS_CHARACTERS = OpenccDictionary.load("TSCharacters");
        static final OpenccDictionary TS_CHARACTERS_EXT = OpenccDictionary.tofuRisk("TSCharacters");
        static final OpenccDictionary TW_REV_PHRASES = OpenccDictionary.load("TWVariantsRevPhrases");
        static final OpenccDictionary TW_REV = OpenccDictionary.reverse("TWVariants");
        static final OpenccDictionary HK_REV_PHRASES = OpenccDictionary.load("HKVariantsRevPhrases");
        static final OpenccDictionary HK_REV = OpenccDictionary.reverse("HKVariants");
    }

    private static final List<OpenccDictionary> COMPATIBILITY = List.of(Dictionaries.COMPATIBILITY);
    private static final List<OpenccDictionary> TS = List.of(Dictionaries.TS_PHRASES, Dictionaries.TS_CHARACTERS_EXT,
            Dictionaries.TS_CHARACTERS);

    private final List<OpenccDictionary> variants;
    private final boolean segmented;

    public ChineseConverter(Variant variant) {
        this.variants = switch (variant) {
            case T2S -> List.of();
            case TW2S -> List.of(Dictionaries.TW_REV_PHRASES, Dictionaries.TW_REV);
            case HK2S -> List.of(Dictionaries.HK_REV_PHRASES, Dictionaries.HK_REV);
        };
        this.segmented = variant != Variant.T2S;
    }

    /** The Traditional-to-Simplified converter for text of no particular region (OpenCC t2s). */
    public static ChineseConverter traditionalToSimplified() {
        return new ChineseConverter(Variant.T2S);
    }

    /** {@code text} in Simplified Chinese; characters without a conversion, and non-Chinese text, are kept. */
    public String toSimplified(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String normal = convert(text, COMPATIBILITY);
        if (!segmented) {
            return convert(normal, TS);
        }
        StringBuilder out = new StringBuilder(normal.length());
        int unmatched = 0;
        int at = 0;
        while (at < normal.length()) {
            OpenccDictionary.Match phrase = Dictionaries.TS_PHRASES.longestMatch(normal, at);
            if (phrase == null) {
                at += Character.charCount(normal.codePointAt(at));
                continue;
            }
            // As OpenCC's MaxMatchSegmentation: a run of text without a phrase is one segment.
            if (unmatched < at) {
                convertSegment(normal.substring(unmatched, at), out);
            }
            convertSegment(normal.substring(at, at + phrase.length()), out);
            at += phrase.length();
            unmatched = at;
        }
        if (unmatched < normal.length()) {
            convertSegment(normal.substring(unmatched), out);
        }
        return out.toString();
    }

    private void convertSegment(String segment, StringBuilder out) {
        convertInto(convert(segment, variants), TS, out);
    }

    private static String convert(String text, List<OpenccDictionary> group) {
        if (group.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        convertInto(text, group, out);
        return out.toString();
    }

    private static void convertInto(String text, List<OpenccDictionary> group, StringBuilder out) {
        int at = 0;
        while (at < text.length()) {
            OpenccDictionary.Match match = null;
            for (OpenccDictionary dictionary : group) {
                match = dictionary.longestMatch(text, at);
                if (match != null) {
                    break;
                }
            }
            if (match != null) {
                out.append(match.value());
                at += match.length();
            } else {
                int length = Character.charCount(text.codePointAt(at));
                out.append(text, at, at + length);
                at += length;
            }
        }
    }
}
