package huixun.classify.match;

/**
 * An article as the label matchers read it: a mention in the title counts {@link #TITLE_WEIGHT} times, one in the
 * lead {@link #LEAD_WEIGHT} times, because that is where a news article says what it is about.
 */
public record WeightedText(String title, String body) {
    public static final int TITLE_WEIGHT = 3;
    public static final int LEAD_WEIGHT = 2;
    /** Characters of the body counted as the lead (about the first paragraph of a Chinese report). */
    public static final int LEAD_CHARS = 200;

    public int count(String term) {
        String safeBody = body == null ? "" : body;
        String lead = safeBody.substring(0, Math.min(LEAD_CHARS, safeBody.length()));
        // The lead is also part of the body, so its extra weight is LEAD_WEIGHT - 1.
        return TermCounter.count(title, term) * TITLE_WEIGHT
                + TermCounter.count(lead, term) * (LEAD_WEIGHT - 1)
                + TermCounter.count(safeBody, term);
    }
}
