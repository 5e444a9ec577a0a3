package huixun.fetch.politeness;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The per-host politeness delay across restarts and replicas, in {@code fetch.host_slot}. The {@link HostScheduler}
 * spaces a host's requests within this process; before a request starts, its slot is also reserved here with one
 * atomic statement ({@code next_at = greatest(next_at, now()) + delay}), and the request waits until its slot when
 * another process (a replica that held the host before a rebalance, or this service before a restart) fetched the
 * host within the delay. When the request ends, {@code next_at} is moved to at least the end plus the delay, as the
 * scheduler measures it. A host whose delay is zero (politeness off) needs no slot and costs no round trip.
 *
 * <p>If the database does not answer, the request goes ahead on the in-memory spacing alone: an outage of the store
 * must not stop fetching, and the scheduler still keeps this process polite.
 */
@ApplicationScoped
public class HostSlots {
    /** Reserves the next slot: it starts at the later of the host's next_at and now, and lasts the delay. */
    private static final String RESERVE = """
            INSERT INTO "fetch".host_slot AS slot (host, next_at)
            VALUES ($1, now() + $2::float8 * interval '1 millisecond')
            ON CONFLICT (host) DO UPDATE
                SET next_at = greatest(slot.next_at, now()) + $2::float8 * interval '1 millisecond'
            RETURNING next_at - $2::float8 * interval '1 millisecond' AS start_at,
                greatest(0, extract(epoch FROM next_at - now()) * 1000 - $2::float8) AS wait_ms""";
    private static final String RELEASE = """
            UPDATE "fetch".host_slot
            SET next_at = greatest(next_at, now() + $2::float8 * interval '1 millisecond')
            WHERE host = $1""";

    private final Pool pool;
    private final PolitenessPolicy politeness;

    public HostSlots(Pool pool, PolitenessPolicy politeness) {
        this.pool = pool;
        this.politeness = politeness;
    }

    /**
     * Runs {@code request} (a request to {@code host}, already spaced by the {@link HostScheduler}) in the host's
     * shared slot: waits for the slot if another process took it, and after the request keeps the host free for the
     * delay.
     */
    public <T> Uni<T> inTurn(String host, Supplier<Uni<T>> request) {
        Duration delay = politeness.delayFor(host);
        if (delay.isZero()) {
            return Uni.createFrom().deferred(request::get);
        }
        return reserve(host, delay)
                .map(Slot::waitFor)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("host=%s outcome=slot_not_reserved cause=%s", host, e.toString());
                    return Duration.ZERO;
                })
                .flatMap(wait -> wait.toMillis() < 1 ? Uni.createFrom().deferred(request::get)
                        : Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                                .flatMap(ignored -> Uni.createFrom().deferred(request::get)))
                .onTermination().call(() -> release(host, politeness.delayFor(host)));
    }

    /** Reserves the host's next slot of {@code delay}: when it starts, and how long from now that is. */
    Uni<Slot> reserve(String host, Duration delay) {
        return pool.preparedQuery(RESERVE).execute(Tuple.of(host, (double) delay.toMillis()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Slot(row.getOffsetDateTime("start_at").toInstant(),
                            Duration.ofMillis((long) Math.ceil(row.getDouble("wait_ms"))));
                });
    }

    private Uni<Void> release(String host, Duration delay) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(host, (double) delay.toMillis()))
                .onFailure().invoke(e -> Log.warnf("host=%s outcome=slot_not_released cause=%s", host, e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * A reserved slot.
     *
     * @param startAt when the request may start, by the database's clock
     * @param waitFor how long from now that is
     */
    record Slot(Instant startAt, Duration waitFor) {
    }
}
