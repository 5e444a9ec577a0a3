package huixun.fetch.http;

import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.guard.AddressGuard;
import huixun.fetch.guard.GuardDecision;
import huixun.fetch.url.InvalidUrlException;
import huixun.fetch.url.WebUrl;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one page with the non-blocking Vert.x HTTP client. Redirects are followed here, not by the client, so
 * that every hop passes the {@link AddressGuard} and the connection goes to the very address the guard approved
 * (the request names the host only for the Host header, TLS SNI and certificate verification). Limits: connect and
 * idle timeouts per hop, a total timeout per fetch, a cap on body bytes counted after decompression while they
 * stream in, a maximum number of redirects, and HTML content types only.
 */
@ApplicationScoped
public class PageClient {
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    /** A missing Content-Type is read as HTML: old servers omit it, and the charset detector copes either way. */
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    /** RSS, Atom, RDF (RSS 1.0), JSON Feed and sitemaps (XML, possibly gzipped; plain text sitemaps too). */
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+json", "application/json",
            "text/plain", "application/gzip", "application/x-gzip");
    private static final String FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/feed+json,"
            + "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1";
    /** RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt; more is not read. */
    private static final long ROBOTS_MAX_BYTES = 512 * 1024;

    private final HttpClient client;
    private final AddressGuard guard;
    private final WorkerExecutor worker;
    private final FetchConfig.Http limits;
    private final String userAgent;

    public PageClient(Vertx vertx, AddressGuard guard, WorkerExecutor worker, FetchConfig config) {
        this.guard = guard;
        this.worker = worker;
        this.limits = config.http();
        this.userAgent = config.userAgent();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(limits.connectTimeout().toMillis()))
                .setIdleTimeout(Math.toIntExact(limits.idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // One connection per request: a pooled connection would have to be drained after every redirect
                // or error we stop reading, and a polite crawler's gaps between requests outlast keep-alive anyway.
                .setKeepAlive(false)
                // The client inflates gzip and deflate, so the size cap below counts decoded bytes: a small
                // compressed body cannot expand past the cap into memory.
                .setDecompressionSupported(true)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }

    /**
     * Fetches {@code url}, following redirects. Completes with {@link FetchOutcome.Failed} for every expected
     * failure (refused address, network error, timeout, limit, non-2xx status); fails only on a bug.
     */
    public Uni<FetchOutcome> fetch(WebUrl url) {
        return fetch(url, new Accepted(HTML_TYPES, limits.maxBytes(), ACCEPT, null));
    }

    /**
     * Fetches a feed or sitemap like a page (guard at every hop, same timeouts and size cap) but of a feed media
     * type, as a conditional request when {@code validators} has any: a 304 completes with
     * {@link FetchOutcome.NotModified}.
     */
    public Uni<FetchOutcome> fetchFeed(WebUrl url, FetchOutcome.Validators validators) {
        return fetch(url, new Accepted(FEED_TYPES, limits.maxBytes(), FEED_ACCEPT, validators));
    }

    /**
     * Fetches a robots.txt like a page (guard at every hop, same timeouts) but of any content type and at most
     * 512 KiB; a larger file fails {@code too_large}.
     */
    public Uni<FetchOutcome> fetchRobots(WebUrl url) {
        return fetch(url, new Accepted(Set.of(), ROBOTS_MAX_BYTES, ACCEPT, null));
    }

    private Uni<FetchOutcome> fetch(WebUrl url, Accepted accepted) {
        Exchange exchange = new Exchange(accepted);
        Duration total = limits.totalTimeout();
        return hop(url, 0, new HashSet<>(), exchange)
                .ifNoItem().after(total).failWith(() -> new FetchException(FailureReason.TIMEOUT,
                        "The fetch of " + url + " did not complete within " + total.toSeconds() + " s."))
                // Whatever ended the fetch early (a limit, the timeout, a bug, a shutdown), close the connection
                // so that the server stops streaming to us.
                .onFailure().invoke(exchange::abort)
                .onCancellation().invoke(exchange::abort)
                .onFailure(FetchException.class).recoverWithItem(e -> new FetchOutcome.Failed(
                        ((FetchException) e).reason(), e.getMessage(), ((FetchException) e).retryAfter()));
    }

    private Uni<FetchOutcome> hop(WebUrl url, int redirects, Set<WebUrl> visited, Exchange exchange) {
        visited.add(url);
        return worker.executeBlocking(() -> guard.check(url), false)
                .flatMap(decision -> {
                    if (decision instanceof GuardDecision.Refused refused) {
                        return Uni.createFrom().failure(new FetchException(refused.reason(), refused.detail()));
                    }
                    return send(url, ((GuardDecision.Allowed) decision).address(), exchange);
                })
                .flatMap(response -> handle(url, response, redirects, visited, exchange));
    }

    private Uni<HttpClientResponse> send(WebUrl url, InetAddress address, Exchange exchange) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.isHttps())
                .setURI(url.requestTarget())
                // Connect to the checked address: no second lookup that could answer differently (DNS rebinding).
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setConnectTimeout(limits.connectTimeout().toMillis())
                .setIdleTimeout(limits.idleTimeout().toMillis())
                .setFollowRedirects(false)
                .putHeader("User-Agent", userAgent)
                .putHeader("Accept", exchange.accepted.accept());
        FetchOutcome.Validators validators = exchange.accepted.validators();
        if (validators != null && validators.etag() != null) {
            options.putHeader("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            options.putHeader("If-Modified-Since", validators.lastModified());
        }
        return client.request(options)
                .invoke(request -> exchange.attach(url, request))
                .flatMap(HttpClientRequest::send)
                .onFailure(PageClient::isNetworkFailure).transform(e -> networkFailure(url, e));
    }

    private Uni<FetchOutcome> handle(WebUrl url, HttpClientResponse response, int redirects, Set<WebUrl> visited,
                                     Exchange exchange) {
        int status = response.statusCode();
        String location = response.getHeader("Location");
        if (REDIRECT_STATUSES.contains(status) && location != null) {
            exchange.discard(response);
            WebUrl next;
            try {
                next = url.resolve(location);
            } catch (InvalidUrlException e) {
                return failure(FailureReason.INVALID_URL, e.getMessage());
            }
            if (visited.contains(next)) {
                return failure(FailureReason.TOO_MANY_REDIRECTS, "Redirect loop: " + url + " redirects back to "
                        + next + ".");
            }
            if (redirects >= limits.maxRedirects()) {
                return failure(FailureReason.TOO_MANY_REDIRECTS, "More than " + limits.maxRedirects()
                        + " redirects; the last one, from " + url + ", pointed to " + next + ".");
            }
            return hop(next, redirects + 1, visited, exchange);
        }
        if (status == 304 && exchange.accepted.validators() != null) {
            exchange.discard(response);
            return Uni.createFrom().item(new FetchOutcome.NotModified());
        }
        if (status < 200 || status > 299) {
            exchange.discard(response);
            return Uni.createFrom().failure(new FetchException(FailureReason.http(status), "The server answered "
                    + status + " " + response.statusMessage() + " for " + url + ".",
                    RetryAfter.parse(response.getHeader("Retry-After"), Instant.now())));
        }
        String contentType = response.getHeader("Content-Type");
        String mediaType = mediaType(contentType);
        Set<String> types = exchange.accepted.mediaTypes();
        if (!mediaType.isEmpty() && !types.isEmpty() && !types.contains(mediaType)) {
            exchange.discard(response);
            return failure(FailureReason.UNSUPPORTED_CONTENT_TYPE, url + " is " + mediaType + ", not one of "
                    + types + ".");
        }
        // Content-Length is only present when the body is not compressed (the client drops it when it inflates),
        // so it is the decoded size: refuse a declared oversize page before reading any of it.
        String contentLength = response.getHeader("Content-Length");
        if (contentLength != null && contentLength.matches("[0-9]{1,18}")
                && Long.parseLong(contentLength) > exchange.accepted.maxBytes()) {
            exchange.discard(response);
            return failure(FailureReason.TOO_LARGE, url + " declares " + contentLength + " bytes; the limit is "
                    + exchange.accepted.maxBytes() + ".");
        }
        return readBody(url, response, exchange).flatMap(body -> {
            // A page type on a binary body (an image behind text/html) would reach normalise as garbage text.
            Optional<String> binary = HTML_TYPES.contains(mediaType) || mediaType.isEmpty()
                    ? BinarySniffer.binaryKind(body) : Optional.empty();
            if (binary.isPresent()) {
                return failure(FailureReason.UNSUPPORTED_CONTENT_TYPE, url + " is served as "
                        + (mediaType.isEmpty() ? "a page" : mediaType) + " but is a " + binary.get() + ".");
            }
            return Uni.createFrom().item(new FetchOutcome.Fetched(url.toString(), status, contentType, body,
                    new FetchOutcome.Validators(response.getHeader("ETag"), response.getHeader("Last-Modified"))));
        });
    }

    /** Reads the body chunk by chunk and stops as soon as it passes the cap, without buffering the excess. */
    private Uni<byte[]> readBody(WebUrl url, HttpClientResponse response, Exchange exchange) {
        long maxBytes = exchange.accepted.maxBytes();
        return Uni.createFrom().emitter(emitter -> {
            exchange.reading(response);
            Buffer body = Buffer.buffer();
            boolean[] overflowed = {false};
            response.exceptionHandler(e -> emitter.fail(isNetworkFailure(e) ? networkFailure(url, e) : e));
            response.handler(chunk -> {
                if (overflowed[0]) {
                    return;
                }
                if ((long) body.length() + chunk.length() > maxBytes) {
                    overflowed[0] = true;
                    exchange.discard(response);
                    emitter.fail(new FetchException(FailureReason.TOO_LARGE, url + " is larger than " + maxBytes
                            + " bytes (counted after decompression)."));
                    return;
                }
                body.appendBuffer(chunk);
            });
            response.endHandler(() -> emitter.complete(body.getBytes()));
        });
    }

    private static <T> Uni<T> failure(String reason, String detail) {
        return Uni.createFrom().failure(new FetchException(reason, detail));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Failures that come from the network or the peer, which a submitter can meet with any URL. Anything else
     * raised by the client is a bug of ours and must reach the dead-letter topic.
     */
    private static boolean isNetworkFailure(Throwable e) {
        return e instanceof IOException || e instanceof TimeoutException || e instanceof VertxException
                || e instanceof DecoderException;
    }

    private static FetchException networkFailure(WebUrl url, Throwable e) {
        if (e instanceof ConnectTimeoutException || e instanceof TimeoutException) {
            return new FetchException(FailureReason.TIMEOUT, url + ": " + e.getMessage());
        }
        if (e instanceof ConnectException) {
            return new FetchException(FailureReason.CONNECTION_FAILED, "Could not connect to " + url + ": "
                    + e.getMessage());
        }
        // Vert.x wraps TLS failures ("Failed to create SSL connection"); the cause says which check failed.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                + (root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
        return new FetchException(FailureReason.CONNECTION_FAILED, url + ": " + detail);
    }

    /**
     * The request in flight, so that a redirect, an error status, the size cap or the total timeout can close its
     * connection instead of letting the server stream on.
     */
    private static final class Exchange {
        private final Accepted accepted;
        private WebUrl url;
        private HttpClientRequest request;
        private HttpClientResponse response;
        private boolean aborted;

        Exchange(Accepted accepted) {
            this.accepted = accepted;
        }

        synchronized void attach(WebUrl hopUrl, HttpClientRequest next) {
            url = hopUrl;
            request = next;
            // The client reports the same failure through the response; this handler only keeps Vert.x from
            // logging it a second time at ERROR.
            next.exceptionHandler(e -> Log.debugf("url=%s request ended: %s", hopUrl, e));
            if (aborted) {
                next.reset();
            }
        }

        /** Closes the connection of a response we will not read (further). */
        synchronized void discard(HttpClientResponse response) {
            WebUrl discarded = url;
            response.exceptionHandler(e -> Log.debugf("url=%s response discarded: %s", discarded, e));
            request.reset();
        }

        /** The response whose body is being read, so that an abort can quieten it before resetting. */
        synchronized void reading(HttpClientResponse body) {
            response = body;
        }

        synchronized void abort() {
            aborted = true;
            if (response != null) {
                // The fetch has already ended (timeout, cap): the reset's echo on the response is expected.
                WebUrl aborting = url;
                response.exceptionHandler(e -> Log.debugf("url=%s response aborted: %s", aborting, e));
            }
            if (request != null) {
                request.reset();
            }
        }
    }

    /**
     * What a fetch accepts: these media types (empty: any) and at most this many body bytes; the Accept header that
     * says so, and the validators of a conditional request (null: unconditional).
     */
    private record Accepted(Set<String> mediaTypes, long maxBytes, String accept,
                            FetchOutcome.Validators validators) {
    }
}
