package huixun.fetch.guard;

import com.sun.net.httpserver.HttpServer;
import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.http.FetchOutcome;
import huixun.fetch.http.PageClient;
import huixun.fetch.url.WebUrl;
import io.netty.util.NetUtil;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SSRF matrix of issue 4: every address form, submitted directly and reached through a redirect, is refused
 * with the right reason by the real {@link PageClient}.
 *
 * <p>Network rule: traffic stays on loopback even if the guard had a bug. Two seams make sure of it. Host names
 * come from a fixed table ({@link #RESOLVER}), never DNS. And {@link LoopbackOnly} wraps the guard: if the real
 * guard ever allowed a non-loopback address, the wrapper refuses with {@code test_safety_net} (failing the test)
 * before any socket is opened. Loopback forms are therefore the only ones that could connect; they point at the
 * {@link #trap} server, whose request count proves that none did.
 *
 * <p>Direct cases use a guard without allow-list. Redirect cases need an origin the fetcher may reach, so their
 * guard allows exactly {@code 127.0.0.1:<origin port>}; the redirect targets use the trap's port, which no entry
 * allows.
 */
class SsrfMatrixTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Test host names, mapped to loopback or to forms that must be refused; nothing else resolves. */
    private static final HostResolver RESOLVER = table(Map.of(
            "localhost", List.of("127.0.0.1", "::1"),
            "loopback.test", List.of("127.0.0.2"),
            "intranet.test", List.of("10.1.2.3"),
            "metadata.test", List.of("169.254.169.254"),
            "rebind.test", List.of("93.184.216.34", "192.168.0.10"),
            "ula.test", List.of("fd12:3456::1")));

    private static Vertx vertx;
    private static WorkerExecutor worker;
    private static FetchConfig config;
    private static HttpServer origin;
    private static HttpServer trap;
    private static final AtomicInteger TRAP_HITS = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("ssrf-matrix", 2);
        config = new SmallRyeConfigBuilder().withMapping(FetchConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(FetchConfig.class);
        trap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        trap.createContext("/", exchange -> {
            TRAP_HITS.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        trap.start();
        // /to?<url-encoded location> answers 302 to that location.
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/to", exchange -> {
            String location = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        origin.start();
    }

    @AfterAll
    static void stop() {
        origin.stop(0);
        trap.stop(0);
        worker.closeAndAwait();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void resetTrap() {
        TRAP_HITS.set(0);
    }

    /** Loopback forms, end to end with a guard that has no allow-list: refused, and the trap saw nothing. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1, loopback", "127.0.0.2, loopback", "[::1], loopback", "2130706433, loopback",
        "0x7f000001, loopback", "017700000001, loopback", "127.1, loopback", "0x7f.1, loopback",
        "0177.0.0.1, loopback", "[::ffff:127.0.0.1], loopback", "[::ffff:7f00:1], loopback",
        // Names on a port other than 80/443 are refused before the lookup (the port decides); on port 80 the
        // same names meet the address rule in nonPublicFormIsBlockedDirectlyAndAfterRedirect.
        "localhost, Port", "loopback.test, Port"})
    void loopbackFormIsBlockedDirectly(String host, String kind) {
        FetchOutcome.Failed failed = fetch(guard(List.of()), "http://" + host + ":" + port(trap) + "/page");
        assertBlocked(failed, kind);
        assertEquals(0, TRAP_HITS.get(), "the fetcher connected to " + host);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1, loopback", "127.0.0.2, loopback", "[::1], loopback", "2130706433, loopback",
        "0x7f000001, loopback", "017700000001, loopback", "127.1, loopback", "0x7f.1, loopback",
        "0177.0.0.1, loopback", "[::ffff:127.0.0.1], loopback", "[::ffff:7f00:1], loopback",
        // Names on a port other than 80/443 are refused before the lookup (the port decides); on port 80 the
        // same names meet the address rule in nonPublicFormIsBlockedDirectlyAndAfterRedirect.
        "localhost, Port", "loopback.test, Port"})
    void loopbackFormIsBlockedAfterRedirect(String host, String kind) {
        FetchOutcome.Failed failed = fetch(originOnlyGuard(), redirectTo("http://" + host + ":" + port(trap) + "/"));
        assertBlocked(failed, kind);
        assertEquals(0, TRAP_HITS.get(), "the fetcher followed the redirect to " + host);
    }

    /**
     * Every other non-public form, decided at the seam: the fetch goes through the real client and guard, but
     * {@link LoopbackOnly} would stop a wrongly allowed connection before it opened.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.1, private", "172.16.0.1, private", "172.31.255.254, private", "192.168.1.1, private",
        "100.64.0.1, carrier-grade NAT", "100.127.255.254, carrier-grade NAT",
        "169.254.169.254, link-local", "169.254.1.1, link-local", "0.0.0.0, unspecified", "0.1.2.3, unspecified",
        "224.0.0.1, multicast", "239.255.255.250, multicast", "255.255.255.255, reserved",
        "167772161, private", "012.0.0.1, private", "0xa.0.0.1, private", "0x0a000001, private",
        "3232235777, private", "0xa9fea9fe, link-local", "025177524776, link-local", "2852039166, link-local",
        "[::], unspecified", "[fd00::1], unique local", "[fc00::1], unique local", "[fe80::1], link-local",
        "[fec0::1], site-local", "[ff02::1], multicast", "[::ffff:10.0.0.1], private",
        "[::ffff:169.254.169.254], link-local", "[::ffff:a9fe:a9fe], link-local", "[::ffff:100.64.0.1], carrier",
        "[::10.0.0.1], IPv4-compatible", "[::169.254.169.254], IPv4-compatible", "[64:ff9b::a00:1], NAT64",
        "[2002:a00:1::], 6to4", "intranet.test, private", "metadata.test, link-local", "rebind.test, private",
        "ula.test, unique local", "localhost, loopback", "loopback.test, loopback"})
    void nonPublicFormIsBlockedDirectlyAndAfterRedirect(String host, String kind) {
        String target = "http://" + host + "/latest/meta-data/";
        assertBlocked(fetch(guard(List.of()), target), kind);
        assertBlocked(fetch(originOnlyGuard(), redirectTo(target)), kind);
        assertEquals(0, TRAP_HITS.get());
    }

    /** A public address on a port outside 80/443: refused, directly and via redirect, before any lookup. */
    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34:22/", "http://93.184.216.34:6379/", "https://[2606:4700::1]:8443/"})
    void publicAddressOnAnOddPortIsBlocked(String target) {
        assertBlocked(fetch(guard(List.of()), target), "Port");
        assertBlocked(fetch(originOnlyGuard(), redirectTo(target)), "Port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nowhere.test", "xn--fsqu00a.test"})
    void unknownHostIsRefusedAsUnknownDirectlyAndAfterRedirect(String host) {
        FetchOutcome.Failed direct = fetch(guard(List.of()), "http://" + host + "/");
        assertEquals(FailureReason.UNKNOWN_HOST, direct.reason(), direct.detail());
        FetchOutcome.Failed redirected = fetch(originOnlyGuard(), redirectTo("http://" + host + "/"));
        assertEquals(FailureReason.UNKNOWN_HOST, redirected.reason(), redirected.detail());
    }

    private static void assertBlocked(FetchOutcome.Failed failed, String kind) {
        assertEquals(FailureReason.BLOCKED_ADDRESS, failed.reason(), failed.detail());
        assertTrue(failed.detail().contains(kind), "expected '" + kind + "' in: " + failed.detail());
    }

    private static FetchOutcome.Failed fetch(AddressGuard guard, String url) {
        // Closed with Vert.x after the last test.
        PageClient client = new PageClient(vertx, guard, worker, config);
        FetchOutcome outcome = client.fetch(WebUrl.parse(url)).await().atMost(PATIENCE);
        return assertInstanceOf(FetchOutcome.Failed.class, outcome, url);
    }

    private static String redirectTo(String location) {
        return "http://127.0.0.1:" + port(origin) + "/to?" + URLEncoder.encode(location,
                StandardCharsets.UTF_8);
    }

    private static AddressGuard guard(Collection<String> allow) {
        return new LoopbackOnly(allow);
    }

    private static AddressGuard originOnlyGuard() {
        return guard(List.of("127.0.0.1:" + port(origin)));
    }

    private static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    private static HostResolver table(Map<String, List<String>> answers) {
        return host -> {
            List<String> addresses = answers.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByAddress(host,
                        NetUtil.createByteArrayFromIpAddressString(addresses.get(i)));
            }
            return resolved;
        };
    }

    /** The real guard, plus a net under the test: a non-loopback address it allowed is never connected to. */
    private static final class LoopbackOnly extends AddressGuard {
        LoopbackOnly(Collection<String> allow) {
            super(allow, List.of(), RESOLVER);
        }

        @Override
        public GuardDecision check(WebUrl url) {
            GuardDecision decision = super.check(url);
            if (decision instanceof GuardDecision.Allowed allowed && !allowed.address().isLoopbackAddress()) {
                return new GuardDecision.Refused("test_safety_net", "The guard allowed "
                        + allowed.address().getHostAddress() + " for " + url + "; the test refused to connect.");
            }
            return decision;
        }
    }
}
