package huixun.fetch.submission;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token bucket on a fake clock: no waiting, exact figures. */
class ClientRateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(60, 3, now::get);

    @Test
    void burstIsAllowedThenTheClientWaitsForTheRate() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("192.0.2.1", 1).isEmpty(), "submission " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.acquire("192.0.2.1", 1));
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertEquals(Optional.of(Duration.ofMillis(600)), limiter.acquire("192.0.2.1", 1));
        now.addAndGet(Duration.ofMillis(600).toNanos());
        assertTrue(limiter.acquire("192.0.2.1", 1).isEmpty());
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("192.0.2.1", 1);
        }
        assertTrue(limiter.acquire("192.0.2.1", 1).isPresent());
        assertTrue(limiter.acquire("192.0.2.2", 1).isEmpty());
    }

    @Test
    void aCostAboveTheBurstIsCappedSoItCanEverPass() {
        assertTrue(limiter.acquire("192.0.2.1", 1000).isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.acquire("192.0.2.1", 1));
    }

    @Test
    void nonPositiveSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(0, 3, now::get));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(60, 0, now::get));
    }
}
