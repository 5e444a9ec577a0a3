package huixun.fetch.http;

import java.time.Duration;

/** How one fetch ended: a page to decode, or a failure with a {@link huixun.contracts.FailureReason} code. */
public sealed interface FetchOutcome permits FetchOutcome.Fetched, FetchOutcome.NotModified, FetchOutcome.Failed {

    /**
     * A 2xx HTML response, read completely within the size cap.
     *
     * @param finalUrl    the URL after redirects
     * @param contentType the Content-Type header, or null when there was none
     * @param body        the body after content decoding (gzip, deflate), at most {@code huixun.fetch.http.max-bytes}
     * @param validators  the response's ETag and Last-Modified, for a later conditional request
     */
    record Fetched(String finalUrl, int status, String contentType, byte[] body, Validators validators)
            implements FetchOutcome {
    }

    /** A conditional request (a feed poll) was answered 304: nothing changed since the validators were taken. */
    record NotModified() implements FetchOutcome {
    }

    /**
     * A response's cache validators, sent back as {@code If-None-Match} and {@code If-Modified-Since}.
     *
     * @param etag         the ETag header, or null
     * @param lastModified the Last-Modified header, or null
     */
    record Validators(String etag, String lastModified) {
    }

    /**
     * The page could not be fetched, for a reason the submitter can act on (not a bug of ours).
     *
     * @param reason     e.g. {@code blocked_address}, {@code timeout}, {@code http_404}
     * @param detail     what happened, in words, with the URL concerned
     * @param retryAfter the server's {@code Retry-After} (429, 503), or null when it sent none
     */
    record Failed(String reason, String detail, Duration retryAfter) implements FetchOutcome {
        public Failed(String reason, String detail) {
            this(reason, detail, null);
        }
    }
}
