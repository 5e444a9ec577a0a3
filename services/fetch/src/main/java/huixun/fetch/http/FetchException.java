package huixun.fetch.http;

/** Ends a fetch early with an expected failure; {@link PageClient} turns it into {@link FetchOutcome.Failed}. */
final class FetchException extends RuntimeException {
    private final String reason;

    FetchException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
