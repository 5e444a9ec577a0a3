package huixun.pipeline.status;

import huixun.contracts.Topics;
import huixun.contracts.events.StatusChanged;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes {@link StatusChanged} events to {@value Topics#STATUSES_CHANGED}, keyed by article id. The returned
 * {@code Uni} completes when the broker has the event, so a stage acknowledges its input only after its outcome
 * is durable.
 */
@ApplicationScoped
public class StatusReporter {
    private final MutinyEmitter<Record<String, StatusChanged>> emitter;

    public StatusReporter(@Channel(Topics.STATUSES_CHANGED) MutinyEmitter<Record<String, StatusChanged>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> report(StatusChanged status) {
        if (status.reason() != null) {
            Log.warnf("article=%s stage=%s status=%s reason=%s detail=%s", status.articleId(), status.stage(),
                    status.status(), status.reason(), status.detail());
        } else {
            // The stage logs its own INFO line per article; this one is detail.
            Log.debugf("article=%s stage=%s status=%s", status.articleId(), status.stage(), status.status());
        }
        return emitter.send(Record.of(status.articleId(), status));
    }
}
