package huixun.contracts;

/**
 * Machine-readable reasons a submission ended {@link ArticleStatus#FAILED}, in snake_case. API clients match on
 * these strings, so they never change meaning; {@code docs/architecture.md} lists them.
 */
public final class FailureReason {
    public static final String INVALID_URL = "invalid_url";
    public static final String BLOCKED_ADDRESS = "blocked_address";
    public static final String UNKNOWN_HOST = "unknown_host";
    public static final String CONNECTION_FAILED = "connection_failed";
    public static final String TIMEOUT = "timeout";
    public static final String TOO_LARGE = "too_large";
    public static final String TOO_MANY_REDIRECTS = "too_many_redirects";
    public static final String UNSUPPORTED_CONTENT_TYPE = "unsupported_content_type";
    public static final String PROCESSING_ERROR = "processing_error";
    /** The page is no article: a list or index page, an error page served with 200, an empty body. */
    public static final String NOT_AN_ARTICLE = "not_an_article";

    private FailureReason() {
    }

    /** A final HTTP status other than 2xx, e.g. {@code http_404}. */
    public static String http(int status) {
        return "http_" + status;
    }
}
