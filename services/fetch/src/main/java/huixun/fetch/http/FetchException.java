package huixun.fetch.http;

import java.time.Duration;

/** Ends a fetch early with an expected failure; {@link PageClient} turns it into {@link FetchOutcome.Failed}. */
final class FetchException extends RuntimeException {
    private final String reason;
    private final Duration retryAfter;

    FetchException(String reason, String detail) {
        this(reason, detail, null);
    }

    FetchException(String reason, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    String reason() {
        return reason;
    }

    /** The server's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
