package huixun.publish.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps instants to the microsecond, the JDK clock reads nanoseconds: an instant from an event is cut to
 * the store's precision before it is stored or compared with a stored one, or a redelivered event would look newer
 * than its own stored copy.
 */
final class StorePrecision {
    private StorePrecision() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
