package huixun.fetch.submission;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} submissions at once, refilled at {@code perMinute} a minute. Kept in
 * memory per instance, so N replicas allow N times the rate; a shared limit would need a shared store, and the
 * limit is a guard against a runaway script, not a quota.
 */
final class ClientRateLimiter {
    /** Full buckets are forgotten once this many clients are tracked, so a scan of many addresses cannot grow it. */
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("huixun.fetch.api.submissions-per-minute and submission-burst must "
                    + "be at least 1");
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes {@code cost} submissions from the client's bucket.
     *
     * @return empty when allowed, else how long until the client may try again (the answer's Retry-After)
     */
    Optional<Duration> acquire(String client, int cost) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(capacity, now)).take(Math.min(cost, capacity), now);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized Optional<Duration> take(double cost, long now) {
            refill(now);
            if (tokens >= cost) {
                tokens -= cost;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((cost - tokens) / tokensPerNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
