package huixun.fetch.http;

import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a page again: after a timeout, a refused or broken connection, a 5xx or a 429, up to
 * {@code max-attempts} attempts in all, waiting an exponential backoff with jitter (half fixed, half random, so
 * that pages failing together do not return together) or the server's {@code Retry-After} when it sent one.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    public RetryPolicy(FetchConfig.Retry config, DoubleSupplier random) {
        if (config.maxAttempts() < 1) {
            throw new IllegalArgumentException("huixun.fetch.retry.max-attempts must be at least 1");
        }
        this.maxAttempts = config.maxAttempts();
        this.initialBackoff = config.initialBackoff();
        this.maxBackoff = config.maxBackoff();
        this.maxRetryAfter = config.maxRetryAfter();
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether the failure is transient: the same request may well succeed later. */
    public static boolean isTransient(FetchOutcome.Failed failure) {
        String reason = failure.reason();
        return reason.equals(FailureReason.TIMEOUT) || reason.equals(FailureReason.CONNECTION_FAILED)
                || reason.equals(FailureReason.http(429)) || reason.matches("http_5[0-9][0-9]");
    }

    /**
     * How long to wait before the next attempt, or empty when there is none: the failure is not transient, the
     * attempts are used up, or the server asked to wait longer than {@code max-retry-after}.
     *
     * @param attempts attempts made so far, the failed one included (1 after the first)
     */
    public Optional<Duration> backoff(int attempts, FetchOutcome.Failed failure) {
        if (!isTransient(failure) || attempts >= maxAttempts) {
            return Optional.empty();
        }
        if (failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(maxRetryAfter) > 0 ? Optional.empty()
                    : Optional.of(failure.retryAfter());
        }
        long ceiling = maxBackoff.toMillis();
        long exponential = Math.min(ceiling, initialBackoff.toMillis() << Math.min(attempts - 1, 30));
        long half = exponential / 2;
        return Optional.of(Duration.ofMillis(half + (long) (random.getAsDouble() * (exponential - half))));
    }
}
