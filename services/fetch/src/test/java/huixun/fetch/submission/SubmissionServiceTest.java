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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker's answer decides between 202 and 503, the known URLs between a new submission and the first one;
 * emitters and the store are stubbed, no Quarkus.
 */
class SubmissionServiceTest {
    // Long enough for the first, cold call of a JVM; the timeout case waits it out once.
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);

    private final MemoryKnownUrls known = new MemoryKnownUrls();

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

    private static ProblemException failure(Uni<Acceptance> accepted) {
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
                new StatusReporter(emitter(statuses, () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);

        SubmissionAccepted accepted = service.accept("https://News.Example.cn/a.html?utm_source=x&id=1", false, null)
                .await().indefinitely().submission();

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
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);

        ProblemException problem = failure(service.accept("https://example.cn/a", false, null));

        assertEquals(503, problem.status());
        assertEquals("broker-unavailable", problem.type());
    }

    @Test
    void statusNotAcknowledgedIsServiceUnavailableToo() {
        List<Object> statuses = new ArrayList<>();
        SubmissionService service = new SubmissionService(
                emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(statuses, () -> Uni.createFrom().failure(
                        new IllegalStateException("broker said no")))), known, ACK_TIMEOUT);

        assertEquals(503, failure(service.accept("https://example.cn/a", false, null)).status());
        assertEquals(1, statuses.size());
    }

    @Test
    void invalidUrlIsBadRequestAndNothingIsSent() {
        List<Object> submissions = new ArrayList<>();
        SubmissionService service = new SubmissionService(
                emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);

        ProblemException problem = failure(service.accept("ftp://example.cn/file", false, null));

        assertEquals(400, problem.status());
        assertEquals("invalid-url", problem.type());
        assertTrue(problem.getMessage().contains("ftp"), problem.getMessage());
        assertTrue(submissions.isEmpty());
    }

    @Test
    void knownUrlIsAnsweredWithItsFirstSubmissionAndNothingIsSent() {
        List<Object> submissions = new ArrayList<>();
        SubmissionService service = new SubmissionService(emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);
        Acceptance first = service.accept("https://example.cn/a?utm_source=x", false, null).await().indefinitely();

        Acceptance again = service.accept("https://EXAMPLE.cn/a", false, null).await().indefinitely();

        assertFalse(first.known());
        assertTrue(again.known());
        assertEquals(first.submission().submissionId(), again.submission().submissionId());
        assertEquals(first.submission().articleId(), again.submission().articleId());
        assertEquals(1, submissions.size());
    }

    @Test
    void refreshOfKnownUrlSendsNewSubmissionMarkedRefresh() {
        List<Object> submissions = new ArrayList<>();
        SubmissionService service = new SubmissionService(emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);
        Acceptance first = service.accept("https://example.cn/a", true, null).await().indefinitely();

        Acceptance refreshed = service.accept("https://example.cn/a", true, null).await().indefinitely();

        assertFalse(((SubmissionAccepted) ((Record<?, ?>) submissions.get(0)).value()).refresh(),
                "an unknown URL is a first submission, whatever refresh says");
        assertFalse(refreshed.known());
        assertTrue(refreshed.submission().refresh());
        assertNotEquals(first.submission().submissionId(), refreshed.submission().submissionId());
        assertEquals(refreshed.submission(), ((Record<?, ?>) submissions.get(1)).value());
    }

    @Test
    void submissionTheBrokerNeverAcknowledgedIsSentAgain() {
        List<Object> submissions = new ArrayList<>();
        boolean[] brokerUp = {false};
        SubmissionService service = new SubmissionService(emitter(submissions, () -> brokerUp[0]
                        ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new IllegalStateException("down"))),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), known, ACK_TIMEOUT);
        assertEquals(503, failure(service.accept("https://example.cn/a", false, null)).status());

        brokerUp[0] = true;
        Acceptance retried = service.accept("https://example.cn/a", false, null).await().indefinitely();
        Acceptance third = service.accept("https://example.cn/a", false, null).await().indefinitely();

        assertFalse(retried.known());
        assertTrue(third.known());
        assertEquals(retried.submission().submissionId(), third.submission().submissionId());
        assertEquals(2, submissions.size());
    }

    @Test
    void storeDownIsServiceUnavailableAndNothingIsSent() {
        List<Object> submissions = new ArrayList<>();
        KnownUrls down = new KnownUrls() {
            @Override
            public Uni<Claim> claim(SubmissionAccepted submission) {
                return Uni.createFrom().failure(new IllegalStateException("connection refused"));
            }

            @Override
            public Uni<Void> acknowledged(String articleId) {
                return Uni.createFrom().voidItem();
            }
        };
        SubmissionService service = new SubmissionService(emitter(submissions, () -> Uni.createFrom().voidItem()),
                new StatusReporter(emitter(new ArrayList<>(), () -> Uni.createFrom().voidItem())), down, ACK_TIMEOUT);

        ProblemException problem = failure(service.accept("https://example.cn/a", false, null));

        assertEquals(503, problem.status());
        assertEquals("store-unavailable", problem.type());
        assertTrue(submissions.isEmpty());
    }

    /** {@link KnownUrlTable}'s rules on a map. */
    private static final class MemoryKnownUrls implements KnownUrls {
        private final Map<String, String[]> rows = new HashMap<>();

        @Override
        public synchronized Uni<Claim> claim(SubmissionAccepted submission) {
            String[] row = rows.get(submission.articleId());
            if (row != null && row[1] != null) {
                return Uni.createFrom().item(new Claim(Claim.Kind.KNOWN, row[0]));
            }
            rows.put(submission.articleId(), new String[] {submission.submissionId(), null});
            return Uni.createFrom().item(new Claim(row == null ? Claim.Kind.NEW : Claim.Kind.RESEND,
                    submission.submissionId()));
        }

        @Override
        public synchronized Uni<Void> acknowledged(String articleId) {
            rows.get(articleId)[1] = "acknowledged";
            return Uni.createFrom().voidItem();
        }
    }
}
