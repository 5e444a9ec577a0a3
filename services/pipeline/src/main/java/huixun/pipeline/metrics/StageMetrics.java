package huixun.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The metrics every stage reports alike, tagged with the stage (the application name):
 * {@code huixun_messages_total{stage,outcome}} counts handled messages and {@code huixun_stage_duration_seconds}
 * times them. Outcomes: {@code processed}, {@code failed} (the article ended FAILED), {@code dead_lettered}.
 */
@Startup // so a scrape shows the zero counters before the first message
@ApplicationScoped
public class StageMetrics {
    public static final String MESSAGES = "huixun.messages";
    public static final String DURATION = "huixun.stage.duration";
    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    public static final String DEAD_LETTERED = "dead_lettered";

    private final MeterRegistry registry;
    private final String stage;

    public StageMetrics(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String stage) {
        this.registry = registry;
        this.stage = stage;
        for (String outcome : new String[] {PROCESSED, FAILED, DEAD_LETTERED}) {
            counter(outcome);
        }
    }

    public String stage() {
        return stage;
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Counts one handled message with its outcome and records how long it took since {@code sample}. */
    public void record(Timer.Sample sample, String outcome) {
        counter(outcome).increment();
        sample.stop(Timer.builder(DURATION).tag("stage", stage).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry));
    }

    private Counter counter(String outcome) {
        return Counter.builder(MESSAGES).tag("stage", stage).tag("outcome", outcome).register(registry);
    }
}
