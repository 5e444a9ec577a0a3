package huixun.publish;

import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends events into the in-memory channels and waits for the consumer's verdict (ack or nack), which comes only
 * after the store transaction has ended: a test can then read the outcome without polling for it.
 */
public final class ChannelFeed {
    private static final Duration VERDICT = Duration.ofSeconds(30);

    private final InMemoryConnector connector;

    public ChannelFeed(InMemoryConnector connector) {
        this.connector = connector;
    }

    /** Sends {@code payload} and waits until it is acknowledged; fails the test if it is nacked. */
    public void deliver(String channel, Object payload) {
        CompletableFuture<Void> verdict = send(channel, payload);
        await().atMost(VERDICT).until(verdict::isDone);
        assertFalse(verdict.isCompletedExceptionally(), () -> "nacked: " + failure(verdict));
    }

    /** Sends {@code payload}, waits until it is nacked and returns the reason; fails the test if it is acked. */
    public Throwable reject(String channel, Object payload) {
        CompletableFuture<Void> verdict = send(channel, payload);
        await().atMost(VERDICT).until(verdict::isDone);
        assertTrue(verdict.isCompletedExceptionally(), "acknowledged, expected a nack");
        return failure(verdict);
    }

    private CompletableFuture<Void> send(String channel, Object payload) {
        CompletableFuture<Void> verdict = new CompletableFuture<>();
        connector.source(channel).send(Message.of(payload)
                .withAck(() -> {
                    verdict.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    verdict.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                }));
        return verdict;
    }

    private static Throwable failure(CompletableFuture<Void> verdict) {
        try {
            verdict.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
