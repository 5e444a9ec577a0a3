package huixun.publish;

import huixun.publish.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterUnlessStoreDownTest {
    private final Recording deadLetter = new Recording();
    private final Recording stop = new Recording();
    private final KafkaFailureHandler handler = new DeadLetterUnlessStoreDown((config, vertx, consumer, report) ->
            deadLetter, (config, vertx, consumer, report) -> stop).create(null, null, null, null);

    @Test
    void poisonGoesToTheDeadLetterTopic() {
        IllegalArgumentException invalid = new IllegalArgumentException("not an article id: x");
        handler.handle(null, invalid, null).await().indefinitely();
        assertEquals(List.of(invalid), deadLetter.reasons);
        assertTrue(stop.reasons.isEmpty());
    }

    @Test
    void anUnavailableStoreStopsTheChannelEvenWhenWrapped() {
        RuntimeException wrapped = new RuntimeException("processing failed",
                new StoreUnavailableException("store unavailable", new ConnectException("refused")));
        handler.handle(null, wrapped, null).await().indefinitely();
        assertEquals(List.of(wrapped), stop.reasons);
        assertTrue(deadLetter.reasons.isEmpty());
    }

    @Test
    void terminatingTerminatesBoth() {
        handler.terminate();
        assertTrue(deadLetter.terminated && stop.terminated);
    }

    private static final class Recording implements KafkaFailureHandler {
        final List<Throwable> reasons = new ArrayList<>();
        boolean terminated;

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            reasons.add(reason);
            return Uni.createFrom().voidItem();
        }

        @Override
        public void terminate() {
            terminated = true;
        }
    }
}
