package huixun.fetch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fetch service's own settings, {@code huixun.fetch.*}. Defaults are production-safe; {@code %test} and
 * {@code %local} loosen only the address guard's allow-list. {@code services/fetch/README.md} lists every key.
 */
@ConfigMapping(prefix = "huixun.fetch")
public interface FetchConfig {

    /**
     * Base URL of the API that serves articles (publish); an accepted submission's {@code Location} header is this
     * plus {@code /api/v1/articles/<id>}.
     */
    @WithDefault("http://localhost:8084")
    String articleBaseUrl();

    /** The {@code User-Agent} of every request: names the product and where site owners can read about it. */
    @WithDefault("Huixun/0.1 (+https://github.com/huixun/huixun)")
    String userAgent();

    /**
     * Threads of the named worker pool for the fetcher's blocking work: DNS lookups and charset decoding of up to
     * {@code politeness.max-in-flight} concurrent fetches. Lookups are mostly answered from the JVM's DNS cache and
     * decoding takes milliseconds, so a handful of threads keeps up with 64 fetches.
     */
    @WithDefault("8")
    int workerThreads();

    Submission submission();

    Api api();

    Http http();

    Guard guard();

    Politeness politeness();

    Robots robots();

    Retry retry();

    Feeds feeds();

    /** Feed and sitemap subscriptions. */
    interface Feeds {
        /** Whether subscriptions are polled (the API works either way). */
        @WithDefault("true")
        boolean pollingEnabled();

        /** How often the poller looks for due subscriptions. A feed is polled at most this late. */
        @WithDefault("15s")
        Duration tick();

        /** The interval of a subscription that gives none. */
        @WithDefault("15m")
        Duration defaultInterval();

        /** The shortest interval a subscription may ask for: polling more often only burdens the site. */
        @WithDefault("60s")
        Duration minInterval();

        /** Due subscriptions claimed per tick (per replica); the rest wait for the next tick. */
        @WithDefault("50")
        int maxPerTick();
    }

    /** How hard the fetcher presses on each host, and how much it does at once. */
    interface Politeness {
        /**
         * The least time between the end of one request to a host and the start of the next, unless
         * {@link #hostDelay()} or the host's robots.txt {@code Crawl-delay} asks for more.
         */
        @WithDefault("1s")
        Duration defaultDelay();

        /** Per-host delays, e.g. {@code huixun.fetch.politeness.host-delay."news.example.cn"=5s}. */
        Map<String, Duration> hostDelay();

        /**
         * The longest delay a robots.txt {@code Crawl-delay} may impose; a larger one is cut to this, so that one
         * host cannot hold its records (and the partition's offsets) for hours.
         */
        @WithDefault("30s")
        Duration maxCrawlDelay();

        /** Fetches running at once, across hosts (one per host at a time). */
        @WithDefault("64")
        int maxInFlight();

        /**
         * Submissions held in memory at once (running or waiting for their host); the consumer stops taking
         * records at this number until one finishes.
         */
        @WithDefault("1000")
        int maxPending();
    }

    /** robots.txt (RFC 9309), read with crawler-commons. */
    interface Robots {
        /** Whether robots.txt is read and obeyed. Off only for a site you own that has none. */
        @WithDefault("true")
        boolean enabled();

        /** How long a host's robots.txt is kept before it is fetched again (RFC 9309 §2.4: at most 24 hours). */
        @WithDefault("24h")
        Duration ttl();

        /** Hosts whose robots.txt is kept; the least recently used is dropped beyond this. */
        @WithDefault("10000")
        int maxHosts();
    }

    /** Retries of transient failures: timeouts, connection failures, 5xx and 429. */
    interface Retry {
        /** Attempts per page, the first included; 1 disables retries. */
        @WithDefault("3")
        int maxAttempts();

        /** The backoff before the second attempt; it doubles per attempt, with jitter, up to max-backoff. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** The longest backoff between two attempts. */
        @WithDefault("60s")
        Duration maxBackoff();

        /**
         * The longest {@code Retry-After} honoured; a server asking for more is not retried (the page ends
         * FAILED and the request goes to the dead-letter topic, to be replayed later).
         */
        @WithDefault("120s")
        Duration maxRetryAfter();
    }

    /** The submission API. */
    interface Submission {
        /**
         * How long {@code POST /api/v1/submissions} waits for the broker to acknowledge the submission and its
         * RECEIVED status before it answers 503 instead of 202.
         */
        @WithDefault("10s")
        Duration ackTimeout();
    }

    /** Who may call the write endpoints, and how often. */
    interface Api {
        /**
         * Whether write endpoints (every method but GET, HEAD and OPTIONS under {@code /api}) need
         * {@code Authorization: Bearer <token>}. On by default; only {@code %local} and {@code %test} turn it off.
         * Health, metrics and OpenAPI ({@code /q/*}) are always open.
         */
        @WithDefault("true")
        boolean authEnabled();

        /**
         * The bearer token write endpoints accept. With authentication on and no token set, every write request is
         * refused (401): a missing secret must not open the API. Pass it from a secret, never from git.
         */
        Optional<String> token();

        /** Submissions each client (remote address) may make per minute on average; excess answers 429. */
        @WithDefault("60")
        int submissionsPerMinute();

        /** Submissions a client may make in a burst before the per-minute rate applies. */
        @WithDefault("20")
        int submissionBurst();
    }

    /** Limits of one fetch. */
    interface Http {
        /** Time allowed to open the TCP connection of one hop. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** The longest the server may stay silent while we wait for the response head or the next body bytes. */
        @WithDefault("10s")
        Duration idleTimeout();

        /** The longest a whole fetch may take: address checks, every redirect hop and reading the body. */
        @WithDefault("30s")
        Duration totalTimeout();

        /**
         * The largest body accepted, in bytes, counted after decompression while streaming; a larger page fails
         * with {@code too_large}. Keep the decoded page within the 16 MB Kafka record limit of
         * {@code pages-fetched}.
         */
        @WithDefault("10485760")
        long maxBytes();

        /** The most redirects (301, 302, 303, 307, 308) followed for one page; one more is too_many_redirects. */
        @WithDefault("5")
        int maxRedirects();
    }

    /** Which addresses and ports the fetcher may connect to. */
    interface Guard {
        /**
         * Addresses the fetcher may connect to although they are not public, as IP literals: {@code ip} allows
         * every port, {@code ip:port} (IPv6: {@code [ip]:port}) one port. Empty in production; tests allow
         * 127.0.0.1, the local stack its sample site.
         */
        Optional<List<String>> allow();

        /** Ports allowed on public addresses besides 80 and 443, which are always allowed. None by default. */
        Optional<List<Integer>> allowedPorts();
    }
}
