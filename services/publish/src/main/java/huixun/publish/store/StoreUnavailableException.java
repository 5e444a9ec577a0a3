package huixun.publish.store;

/**
 * The store could not be reached (or kept aborting the transaction) even after retries: the message was not
 * processed, through no fault of its own, and must be delivered again rather than dead-lettered.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
