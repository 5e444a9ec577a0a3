package huixun.fetch.politeness;

import huixun.fetch.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two reservers (as two replicas, or a service and its restarted self) share one host's slots through PostgreSQL:
 * whatever the interleaving, the slots they get never overlap. The check is on the slot times the database hands
 * out, not on measured time.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HostSlotsTest {
    private static final Duration DELAY = Duration.ofMillis(500);
    private static final int RESERVATIONS = 10;

    @Inject
    Pool pool;

    @Inject
    PolitenessPolicy politeness;

    @Test
    void twoReserversOnOneHostGetSlotsAtLeastTheDelayApart() {
        HostSlots first = new HostSlots(pool, politeness);
        HostSlots second = new HostSlots(pool, politeness);
        List<Uni<HostSlots.Slot>> reservations = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            reservations.add((i % 2 == 0 ? first : second).reserve("slots.example.cn", DELAY));
        }

        List<HostSlots.Slot> slots = Uni.join().all(reservations).andFailFast().await().atMost(Duration.ofSeconds(30));

        List<Instant> starts = slots.stream().map(HostSlots.Slot::startAt).sorted().toList();
        assertEquals(RESERVATIONS, starts.stream().distinct().count());
        for (int i = 1; i < starts.size(); i++) {
            Duration gap = Duration.between(starts.get(i - 1), starts.get(i));
            assertTrue(gap.compareTo(DELAY) >= 0, "slots " + (i - 1) + " and " + i + " are " + gap + " apart");
        }
        assertTrue(slots.stream().filter(slot -> slot.waitFor().isZero()).count() <= 1,
                "only the first reservation may start at once: " + slots);
    }

    @Test
    void aHostWithoutDelayNeedsNoSlot() {
        Integer result = new HostSlots(pool, politeness).inTurn("no-delay.example.cn", () -> Uni.createFrom().item(7))
                .await().atMost(Duration.ofSeconds(30));

        assertEquals(7, result);
        assertEquals(0, pool.query("SELECT * FROM \"fetch\".host_slot WHERE host = 'no-delay.example.cn'").execute()
                .await().atMost(Duration.ofSeconds(30)).size());
    }
}
