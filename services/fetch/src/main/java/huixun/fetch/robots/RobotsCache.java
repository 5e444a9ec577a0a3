package huixun.fetch.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.http.FetchOutcome;
import huixun.fetch.http.PageClient;
import huixun.fetch.url.WebUrl;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Decides whether robots.txt lets us fetch a URL, and what {@code Crawl-delay} its host asks for. One robots.txt
 * per origin (scheme, host, port) is fetched through {@link PageClient#fetchRobots} (so through the address guard)
 * and kept for {@code huixun.fetch.robots.ttl}, parsed by crawler-commons for the product token of our User-Agent.
 *
 * <p>What a failed fetch means follows RFC 9309 §2.3.1: 4xx (but 429) means no rules, so everything is allowed; 5xx,
 * 429, a timeout or a refused connection mean the site is unavailable, so nothing is fetched and the page fails with
 * that transient reason; the fetch stage retries it, and each retry reads robots.txt again (failures are not
 * cached). A robots.txt the guard refuses is not cached either: the page itself is refused with the guard's reason.
 */
@ApplicationScoped
public class RobotsCache {
    /** The failure reason of a page robots.txt disallows. */
    public static final String ROBOTS_DISALLOWED = "robots_disallowed";

    private final PageClient client;
    private final boolean enabled;
    private final Duration ttl;
    private final List<String> agentNames;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries;
    /** Crawl-delay by host name (the politeness key), from the latest robots.txt read for that host. */
    private final Map<String, Duration> crawlDelays;

    @Inject
    public RobotsCache(PageClient client, FetchConfig config) {
        this(client, config.robots(), config.userAgent(), System::nanoTime);
    }

    RobotsCache(PageClient client, FetchConfig.Robots robots, String userAgent, LongSupplier nanoTime) {
        this.client = client;
        this.enabled = robots.enabled();
        this.ttl = robots.ttl();
        this.agentNames = List.of(productToken(userAgent));
        this.nanoTime = nanoTime;
        int maxHosts = robots.maxHosts();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxHosts;
            }
        };
        this.crawlDelays = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Duration> eldest) {
                return size() > maxHosts;
            }
        };
    }

    /** "Huixun/0.1 (+https://…)" → "huixun": the name robots.txt groups address. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    /**
     * Empty when the URL may be fetched; else why not: {@value #ROBOTS_DISALLOWED}, or the reason robots.txt
     * could not be read (timeout, connection_failed, http_503 …).
     */
    public Uni<Optional<FetchOutcome.Failed>> check(WebUrl url) {
        if (!enabled) {
            return Uni.createFrom().item(Optional.empty());
        }
        String origin = url.scheme() + "://" + url.host() + ":" + url.port();
        Entry cached = cached(origin);
        Uni<Entry> entry = cached != null ? Uni.createFrom().item(cached) : load(url, origin);
        return entry.map(e -> verdict(e, url));
    }

    /** The Crawl-delay the host's robots.txt asks of us, if it has been read and sets one. */
    public Optional<Duration> crawlDelay(String host) {
        synchronized (entries) {
            return Optional.ofNullable(crawlDelays.get(host));
        }
    }

    private Entry cached(String origin) {
        synchronized (entries) {
            Entry entry = entries.get(origin);
            return entry != null && entry.expires() - nanoTime.getAsLong() > 0 ? entry : null;
        }
    }

    private Uni<Entry> load(WebUrl url, String origin) {
        WebUrl robotsUrl = url.resolve("/robots.txt");
        return client.fetchRobots(robotsUrl).map(outcome -> {
            Entry entry = toEntry(robotsUrl, outcome);
            if (entry.cacheable()) {
                synchronized (entries) {
                    entries.put(origin, entry);
                    long crawlDelay = entry.rules().getCrawlDelay();
                    if (crawlDelay != BaseRobotRules.UNSET_CRAWL_DELAY && crawlDelay > 0) {
                        crawlDelays.put(url.host(), Duration.ofMillis(crawlDelay));
                    } else {
                        crawlDelays.remove(url.host());
                    }
                }
            }
            return entry;
        });
    }

    private Entry toEntry(WebUrl robotsUrl, FetchOutcome outcome) {
        long now = nanoTime.getAsLong();
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), fetched.body(),
                    fetched.contentType() == null ? "text/plain" : fetched.contentType(), agentNames);
            Log.debugf("robots=%s crawl_delay_ms=%d", robotsUrl, rules.getCrawlDelay());
            return new Entry(rules, null, now + ttl.toNanos(), true);
        }
        FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
        String reason = failed.reason();
        if (reason.equals(FailureReason.BLOCKED_ADDRESS) || reason.equals(FailureReason.UNKNOWN_HOST)) {
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, now, false);
        }
        boolean unavailable = reason.equals(FailureReason.TIMEOUT) || reason.equals(FailureReason.CONNECTION_FAILED)
                || reason.equals(FailureReason.http(429)) || reason.startsWith("http_5");
        if (unavailable) {
            Log.warnf("robots=%s outcome=unavailable reason=%s", robotsUrl, reason);
            return new Entry(null, new FetchOutcome.Failed(reason, "robots.txt of " + robotsUrl.host()
                    + " could not be read, so the site is treated as unavailable: " + failed.detail(),
                    failed.retryAfter()), now, false);
        }
        // 4xx, too many redirects, too large, not text: no usable rules, which RFC 9309 reads as "allow all".
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null,
                now + ttl.toNanos(), true);
    }

    private static Optional<FetchOutcome.Failed> verdict(Entry entry, WebUrl url) {
        if (entry.unavailable() != null) {
            return Optional.of(entry.unavailable());
        }
        if (entry.rules().isAllowed(url.toString())) {
            return Optional.empty();
        }
        return Optional.of(new FetchOutcome.Failed(ROBOTS_DISALLOWED, "robots.txt of " + url.host()
                + " disallows " + url + "."));
    }

    /** Rules or the failure that stands for them, until {@code expires} (System.nanoTime). */
    private record Entry(BaseRobotRules rules, FetchOutcome.Failed unavailable, long expires, boolean cacheable) {
    }
}
