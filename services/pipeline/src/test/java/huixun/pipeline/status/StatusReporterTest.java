package huixun.pipeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.StatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReporterTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final List<Record<String, StatusChanged>> sent = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StatusReporter reporter = new StatusReporter(emitter(sent), registry);

    @Test
    void stampsTheTraceIdOfTheCurrentSpan() {
        SpanContext context = SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            reporter.report(status(ArticleStatus.FETCHED, null)).await().indefinitely();
        }

        assertEquals(TRACE, sent.get(0).value().traceId());
        assertEquals("0123456789abcdef", sent.get(0).key());
    }

    @Test
    void leavesTheTraceIdEmptyWithoutASpan() {
        reporter.report(status(ArticleStatus.FETCHED, null)).await().indefinitely();

        assertNull(sent.get(0).value().traceId());
    }

    @Test
    void keepsATraceIdTheCallerSet() {
        SpanContext context = SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            reporter.report(status(ArticleStatus.FETCHED, null).withTraceId("feedfacefeedfacefeedfacefeedface"))
                    .await().indefinitely();
        }

        assertEquals("feedfacefeedfacefeedfacefeedface", sent.get(0).value().traceId());
    }

    @Test
    void countsFailuresByStageAndReason() {
        reporter.report(status(ArticleStatus.FAILED, "http_404")).await().indefinitely();
        reporter.report(status(ArticleStatus.FAILED, "http_404")).await().indefinitely();
        reporter.report(status(ArticleStatus.FETCHED, null)).await().indefinitely();

        assertEquals(2.0, registry.get(StatusReporter.FAILURES).tag("stage", "fetch").tag("reason", "http_404")
                .counter().count());
        assertEquals(1, registry.find(StatusReporter.FAILURES).counters().size());
    }

    private static StatusChanged status(ArticleStatus status, String reason) {
        return new StatusChanged(1, "0123456789abcdef", "7f9c2d5e-0000-4000-8000-000000000001",
                "https://news.example.org/a", status, "fetch", reason, null, Instant.parse("2026-11-26T15:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static MutinyEmitter<Record<String, StatusChanged>> emitter(List<Record<String, StatusChanged>> sent) {
        return (MutinyEmitter<Record<String, StatusChanged>>) Proxy.newProxyInstance(
                MutinyEmitter.class.getClassLoader(), new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && method.getReturnType() == Uni.class) {
                        sent.add((Record<String, StatusChanged>) args[0]);
                        return Uni.createFrom().voidItem();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
