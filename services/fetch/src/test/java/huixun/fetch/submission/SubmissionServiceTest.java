package huixun.fetch.submission;

import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.pipeline.problem.ProblemException;
import huixun.pipeline.status.StatusReporter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's answer decides between 202 and 503; emitters are stubbed, no Quarkus. */
class SubmissionServiceTest {
    private static final Duration ACK_TIMEOUT = Duration.ofMillis(50);

    /** An emitter whose {@code send} records the payload and answers with {@code ack}. */
    @SuppressWarnings("unchecked")
    private static <T> MutinyEmitter<T> emitter(List<Object> sent, Supplier<Uni<Void>> ack) {
        return (MutinyEmitter<T>) Proxy.newProxyInstance(MutinyEmitter.class.getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && method.getReturnType() == Uni.class) {
                        sent.add(args[0]);
                        return ack.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ProblemException failure(Uni<SubmissionAccepted> accepted) {
        Throwable failure = accepted.subscribe().withSubscriber(UniAssertSubscriber.create())
                .awaitFailure().getFailure();
        return assertInstanceOf(ProblemException.class, failure);
    }

    @Test
    void acceptedOnlyAfterSubmissionAndStatusAreAcknowledged() {
        List<Object> submissions = new ArrayList<>();
        List<Object> statuses = new ArrayList<>();
        SubmissionService service = new SubmissionService(
                emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(statuses, () -> Uni.createFrom().voidItem())), ACK_TIMEOUT);

        SubmissionAccepted accepted = service.accept("https://News.Example.cn/a.html?utm_source=x&id=1")
                .await().indefinitely();

        assertEquals("https://news.example.cn/a.html?id=1", accepted.canonicalUrl());
        Record<?, ?> submission = (Record<?, ?>) submissions.get(0);
        assertEquals("news.example.cn", submission.key());
        assertEquals(accepted, submission.value());
        StatusChanged received = (StatusChanged) ((Record<?, ?>) statuses.get(0)).value();
        assertEquals(accepted.articleId(), received.articleId());
        assertEquals(accepted.canonicalUrl(), received.url());
    }

    @Test
    void noAcknowledgementInTimeIsServiceUnavailable() {
        SubmissionService service = new SubmissionService(
                emitter(new ArrayList<>(), () -> Uni.createFrom().nothing()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), ACK_TIMEOUT);

        ProblemException problem = failure(service.accept("https://example.cn/a"));

        assertEquals(503, problem.status());
        assertEquals("broker-unavailable", problem.type());
    }

    @Test
    void statusNotAcknowledgedIsServiceUnavailableToo() {
        List<Object> statuses = new ArrayList<>();
        SubmissionService service = new SubmissionService(
                emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(statuses, () -> Uni.createFrom().failure(
                        new IllegalStateException("broker said no")))), ACK_TIMEOUT);

        assertEquals(503, failure(service.accept("https://example.cn/a")).status());
        assertEquals(1, statuses.size());
    }

    @Test
    void invalidUrlIsBadRequestAndNothingIsSent() {
        List<Object> submissions = new ArrayList<>();
        SubmissionService service = new SubmissionService(
                emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), ACK_TIMEOUT);

        ProblemException problem = failure(service.accept("ftp://example.cn/file"));

        assertEquals(400, problem.status());
        assertEquals("invalid-url", problem.type());
        assertTrue(problem.getMessage().contains("ftp"), problem.getMessage());
        assertTrue(submissions.isEmpty());
    }
}
