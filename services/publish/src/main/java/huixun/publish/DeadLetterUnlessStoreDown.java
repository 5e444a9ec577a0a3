package huixun.publish;

import huixun.publish.store.StoreUnavailableException;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.function.BiConsumer;

/**
 * The failure strategy of publish's channels ({@code failure-strategy=dead-letter-unless-store-down}). A message
 * that failed because of what it holds (unreadable, invalid, rejected by a constraint) goes to the channel's
 * dead-letter topic like {@code dead-letter-queue}. A message that failed because the database stayed unreachable
 * through the retries ({@link StoreUnavailableException}) did nothing wrong: dead-lettering it would empty the topic
 * into its DLQ during an outage, so the channel stops as with {@code fail} instead. Its offset is not committed,
 * liveness turns DOWN, and after the restart the message is delivered again.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStoreDown.NAME)
public class DeadLetterUnlessStoreDown implements KafkaFailureHandler.Factory {
    public static final String NAME = "dead-letter-unless-store-down";

    private final KafkaFailureHandler.Factory deadLetter;
    private final KafkaFailureHandler.Factory stop;

    public DeadLetterUnlessStoreDown(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetter,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory stop) {
        this.deadLetter = deadLetter;
        this.stop = stop;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return new Handler(deadLetter.create(config, vertx, consumer, reportFailure),
                stop.create(config, vertx, consumer, reportFailure));
    }

    private static final class Handler implements KafkaFailureHandler {
        private final KafkaFailureHandler deadLetter;
        private final KafkaFailureHandler stop;

        Handler(KafkaFailureHandler deadLetter, KafkaFailureHandler stop) {
            this.deadLetter = deadLetter;
            this.stop = stop;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            return storeDown(reason)
                    ? stop.handle(record, reason, metadata)
                    : deadLetter.handle(record, reason, metadata);
        }

        // Reactive Messaging may wrap the consumer's failure before it reaches the handler.
        private static boolean storeDown(Throwable reason) {
            for (Throwable t = reason; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof StoreUnavailableException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void terminate() {
            deadLetter.terminate();
            stop.terminate();
        }
    }
}
