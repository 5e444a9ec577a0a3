package huixun.pipeline.status;

import huixun.contracts.ArticleStatus;
import huixun.contracts.Topics;
import huixun.contracts.events.StatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes {@link StatusChanged} events to {@value Topics#STATUSES_CHANGED}, keyed by article id. The returned
 * {@code Uni} completes when the broker has the event, so a stage acknowledges its input only after its outcome
 * is durable.
 *
 * <p>Each event carries the id of the trace it was reported in (when tracing is on and the caller runs in a span),
 * so a submission's status leads to its trace. FAILED statuses are counted as {@value #FAILURES}{stage, reason}.
 */
@ApplicationScoped
public class StatusReporter {
    public static final String FAILURES = "huixun.failures";

    private final MutinyEmitter<Record<String, StatusChanged>> emitter;
    private final MeterRegistry registry;

    @Inject
    public StatusReporter(@Channel(Topics.STATUSES_CHANGED) MutinyEmitter<Record<String, StatusChanged>> emitter,
                          MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
    }

    /** Without a registry of the application's (plain unit tests): failures are counted in a private one. */
    public StatusReporter(MutinyEmitter<Record<String, StatusChanged>> emitter) {
        this(emitter, new SimpleMeterRegistry());
    }

    public Uni<Void> report(StatusChanged reported) {
        StatusChanged status = withCurrentTrace(reported);
        if (status.status() == ArticleStatus.FAILED) {
            Counter.builder(FAILURES).tag("stage", String.valueOf(status.stage()))
                    .tag("reason", String.valueOf(status.reason())).register(registry).increment();
        }
        if (status.reason() != null) {
            Log.warnf("article=%s stage=%s status=%s reason=%s detail=%s", status.articleId(), status.stage(),
                    status.status(), status.reason(), status.detail());
        } else {
            // The stage logs its own INFO line per article; this one is detail.
            Log.debugf("article=%s stage=%s status=%s", status.articleId(), status.stage(), status.status());
        }
        return emitter.send(Record.of(status.articleId(), status));
    }

    /** Stamps the current span's trace id unless the caller set one or there is no valid span (tracing off). */
    private static StatusChanged withCurrentTrace(StatusChanged status) {
        SpanContext span = Span.current().getSpanContext();
        if (status.traceId() != null || !span.isValid()) {
            return status;
        }
        return status.withTraceId(span.getTraceId());
    }
}
