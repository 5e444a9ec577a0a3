package huixun.fetch.http;

import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backoff arithmetic with a fixed "random" value, and Retry-After parsing. */
class RetryPolicyTest {
    private static final FetchConfig.Retry CONFIG = new FetchConfig.Retry() {
        @Override
        public int maxAttempts() {
            return 4;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration maxRetryAfter() {
            return Duration.ofSeconds(120);
        }
    };

    private static FetchOutcome.Failed failed(String reason) {
        return new FetchOutcome.Failed(reason, "detail");
    }

    @Test
    void backoffDoublesWithJitterInItsUpperHalfUpToTheCeiling() {
        RetryPolicy lowest = new RetryPolicy(CONFIG, () -> 0.0);
        RetryPolicy highest = new RetryPolicy(CONFIG, () -> 1.0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), lowest.backoff(1, failed(FailureReason.TIMEOUT)));
        assertEquals(Optional.of(Duration.ofSeconds(2)), highest.backoff(1, failed(FailureReason.TIMEOUT)));
        assertEquals(Optional.of(Duration.ofSeconds(4)), highest.backoff(2, failed("http_503")));
        assertEquals(Optional.of(Duration.ofSeconds(5)), highest.backoff(3, failed("http_502")), "capped");
        assertEquals(Optional.empty(), highest.backoff(4, failed("http_503")), "attempts used up");
    }

    @Test
    void onlyTransientFailuresAreRetried() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);
        assertTrue(policy.backoff(1, failed(FailureReason.CONNECTION_FAILED)).isPresent());
        assertTrue(policy.backoff(1, failed(FailureReason.http(429))).isPresent());
        assertFalse(policy.backoff(1, failed(FailureReason.http(404))).isPresent());
        assertFalse(policy.backoff(1, failed(FailureReason.BLOCKED_ADDRESS)).isPresent());
        assertFalse(policy.backoff(1, failed("robots_disallowed")).isPresent());
    }

    @Test
    void retryAfterReplacesTheBackoffUnlessItIsTooLong() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.backoff(1,
                new FetchOutcome.Failed("http_429", "slow down", Duration.ofSeconds(30))));
        assertEquals(Optional.empty(), policy.backoff(1,
                new FetchOutcome.Failed("http_503", "maintenance", Duration.ofHours(1))));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-11-26T14:00:00Z");
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", now));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Thu, 26 Nov 2026 14:01:30 GMT", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("Thu, 26 Nov 2026 13:00:00 GMT", now));
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse(null, now));
    }
}
