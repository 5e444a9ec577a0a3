package huixun.fetch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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
     * Threads of the named worker pool for the fetcher's blocking work: DNS lookups and charset decoding. Messages
     * are handled one at a time today, so a few threads are plenty.
     */
    @WithDefault("4")
    int workerThreads();

    Submission submission();

    Http http();

    Guard guard();

    /** The submission API. */
    interface Submission {
        /**
         * How long {@code POST /api/v1/submissions} waits for the broker to acknowledge the submission and its
         * RECEIVED status before it answers 503 instead of 202.
         */
        @WithDefault("10s")
        Duration ackTimeout();
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
