package huixun.fetch.url;

/** A URL the fetcher cannot work with; the message says why in words an API client can act on. */
public class InvalidUrlException extends RuntimeException {
    public InvalidUrlException(String detail) {
        super(detail);
    }
}
