package huixun.fetch.politeness;

import huixun.fetch.config.FetchConfig;
import huixun.fetch.robots.RobotsCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The delay between two requests to one host: the configured per-host delay (else the default), raised to the
 * host's robots.txt {@code Crawl-delay} when that is longer, the latter capped at {@code max-crawl-delay}.
 */
@ApplicationScoped
public class PolitenessPolicy {
    public static final String QUEUE_DEPTH = "huixun.fetch.queue.depth";

    private final FetchConfig.Politeness config;
    private final Map<String, Duration> hostDelays;
    private final RobotsCache robots;

    public PolitenessPolicy(FetchConfig config, RobotsCache robots) {
        this.config = config.politeness();
        this.hostDelays = this.config.hostDelay();
        this.robots = robots;
    }

    public Duration delayFor(String host) {
        Duration configured = hostDelays.getOrDefault(host.toLowerCase(Locale.ROOT), config.defaultDelay());
        return robots.crawlDelay(host)
                .map(crawlDelay -> crawlDelay.compareTo(config.maxCrawlDelay()) > 0 ? config.maxCrawlDelay()
                        : crawlDelay)
                .filter(crawlDelay -> crawlDelay.compareTo(configured) > 0)
                .orElse(configured);
    }

    /**
     * The scheduler the fetch stage hands its submissions to; timers run on Mutiny's shared scheduler. Its queue
     * depth is the gauge {@value #QUEUE_DEPTH} (all hosts together: a tag per host would be unbounded).
     */
    @Produces
    @Singleton
    HostScheduler scheduler(MeterRegistry registry) {
        HostScheduler scheduler = new HostScheduler(config.maxInFlight(), config.maxPending(), this::delayFor,
                Infrastructure.getDefaultWorkerPool(), System::nanoTime);
        Gauge.builder(QUEUE_DEPTH, scheduler, HostScheduler::pending)
                .description("Submissions held by the fetch scheduler: fetching, waiting for their host, or a slot")
                .register(registry);
        return scheduler;
    }
}
