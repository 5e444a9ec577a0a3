package huixun.normalise.zh;

/**
 * The script-preserving part of Chinese normalisation, applied to every piece of extracted text: inline pinyin
 * removed ({@link PinyinStripper}), then characters and spacing cleaned ({@link UnicodeCleaner}). Conversion to
 * Simplified ({@link ChineseConverter}) is separate, because the article keeps its original script too.
 */
public final class TextNormaliser {
    private final PinyinStripper pinyin = new PinyinStripper();
    private final UnicodeCleaner unicode = new UnicodeCleaner();

    /** A run of body text: spaces between CJK characters go. */
    public String body(String text) {
        return unicode.clean(pinyin.strip(text));
    }

    /** A headline or a field value: a space between CJK characters separates clauses there, and stays. */
    public String line(String text) {
        return text == null ? null : unicode.characters(pinyin.strip(text)).strip();
    }
}
