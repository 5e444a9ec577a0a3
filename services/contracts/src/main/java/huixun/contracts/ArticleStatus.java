package huixun.contracts;

/**
 * Where an accepted submission stands. Statuses only move forward; {@link #PUBLISHED} and {@link #FAILED} are final.
 * Stages write to different topics, so a status may arrive after a later one: the store keeps the furthest.
 */
public enum ArticleStatus {
    RECEIVED, FETCHED, NORMALISED, CLASSIFIED, PUBLISHED, FAILED;

    public boolean isFinal() {
        return this == PUBLISHED || this == FAILED;
    }

    /** True when {@code next} is a step forward from this status. */
    public boolean precedes(ArticleStatus next) {
        return !isFinal() && next.ordinal() > ordinal();
    }
}
