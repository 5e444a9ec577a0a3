package huixun.classify.match;

import java.util.BitSet;
import java.util.Locale;

/**
 * An article as the label matchers read it: a mention in the title counts {@link #TITLE_WEIGHT} times, one in the
 * lead {@link #LEAD_WEIGHT} times, because that is where a news article says what it is about. The lower-case
 * copies and the set of characters used are made once here: the matchers count thousands of terms (gazetteer,
 * topic keywords) in one article, and most are ruled out because one of their characters does not occur.
 *
 * @param title the title, never null
 * @param body  the body, never null
 */
public record WeightedText(String title, String body, String lead, String lowerTitle, String lowerLead,
                           String lowerBody, BitSet characters) {
    public static final int TITLE_WEIGHT = 3;
    public static final int LEAD_WEIGHT = 2;
    /** Characters of the body counted as the lead (about the first paragraph of a Chinese report). */
    public static final int LEAD_CHARS = 200;

    /** @param title the title, or null; @param body the body, or null */
    public WeightedText(String title, String body) {
        this(orEmpty(title), orEmpty(body), lead(orEmpty(body)), lower(title), lower(lead(orEmpty(body))),
                lower(body), characters(lower(title) + lower(body)));
    }

    public int count(String term) {
        if (!term.toLowerCase(Locale.ROOT).chars().allMatch(characters::get)) {
            return 0;
        }
        // The lead is also part of the body, so its extra weight is LEAD_WEIGHT - 1.
        return TermCounter.count(title, lowerTitle, term) * TITLE_WEIGHT
                + TermCounter.count(lead, lowerLead, term) * (LEAD_WEIGHT - 1)
                + TermCounter.count(body, lowerBody, term);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String lead(String body) {
        return body.substring(0, Math.min(LEAD_CHARS, body.length()));
    }

    private static BitSet characters(String text) {
        BitSet characters = new BitSet(1 << 16);
        text.chars().forEach(characters::set);
        return characters;
    }

    private static String lower(String text) {
        return orEmpty(text).toLowerCase(Locale.ROOT);
    }
}
