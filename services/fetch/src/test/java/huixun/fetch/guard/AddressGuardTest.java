package huixun.fetch.guard;

import huixun.contracts.FailureReason;
import huixun.fetch.url.WebUrl;
import io.netty.util.NetUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decisions only: every address is an IP literal or comes from a fixed table, nothing is looked up and no socket is
 * opened.
 */
class AddressGuardTest {
    /** IP literals must never reach the resolver. */
    private static final HostResolver NO_LOOKUP = host -> {
        throw new AssertionError("unexpected DNS lookup of " + host);
    };

    private final AddressGuard guard = new AddressGuard(List.of(), List.of(), NO_LOOKUP);

    private static GuardDecision.Refused refused(AddressGuard guard, String url) {
        return assertInstanceOf(GuardDecision.Refused.class, guard.check(WebUrl.parse(url)), url);
    }

    private static InetAddress allowed(AddressGuard guard, String url) {
        return assertInstanceOf(GuardDecision.Allowed.class, guard.check(WebUrl.parse(url)), url).address();
    }

    private static HostResolver table(Map<String, String[]> answers) {
        return host -> {
            String[] addresses = answers.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByAddress(host, NetUtil
                        .createByteArrayFromIpAddressString(addresses[i]));
            }
            return resolved;
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.8.9.10/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/",
        "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.254/", "http://169.254.169.254/latest/",
        "http://[::ffff:169.254.169.254]/", "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/", "http://[::]/",
        "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/", "http://[ff02::1]/",
        "http://[fd00::1]/", "http://[fc00::1]/", "http://[fe80::1]/", "http://[febf::1]/", "http://[fec0::1]/",
        "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://[::127.0.0.1]/", "http://[::8.8.8.8]/",
        "http://198.18.0.1/", "http://192.0.0.8/"})
    void nonPublicAddressesAreBlocked(String url) {
        GuardDecision.Refused refusal = refused(guard, url);
        assertEquals(FailureReason.BLOCKED_ADDRESS, refusal.reason());
        assertTrue(refusal.detail().contains("address"), refusal.detail());
    }

    /**
     * Browsers, curl and glibc read these as 127.0.0.1; java.net reads some of them differently (see
     * {@link #javaNetReadsSomeSpellingsDifferently}), so {@code WebUrl} settles them first and the guard judges the
     * dotted quad, without a lookup.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://0177.0.0.1/",
        "http://127.1/", "http://0x7f000001/", "http://0xa9fea9fe/"})
    void numericIpv4SpellingsOfPrivateAddressesAreBlocked(String url) {
        GuardDecision.Refused refusal = refused(guard, url);
        assertEquals(FailureReason.BLOCKED_ADDRESS, refusal.reason());
    }

    @Test
    void javaNetReadsSomeSpellingsDifferently() throws UnknownHostException {
        // Literal parsing only, no lookup: these are what the guard must not rely on.
        assertEquals("127.0.0.1", InetAddress.getAllByName("2130706433")[0].getHostAddress());
        assertEquals("177.0.0.1", InetAddress.getAllByName("0177.0.0.1")[0].getHostAddress());
        assertEquals("127.0.0.1", WebUrl.parse("http://0177.0.0.1/").host());
    }

    @Test
    void loopbackIsBlockedWithoutTheAllowList() {
        GuardDecision.Refused refusal = refused(guard, "http://127.0.0.1:43210/page");
        assertEquals(FailureReason.BLOCKED_ADDRESS, refusal.reason());
        assertTrue(refusal.detail().contains("127.0.0.1 is a loopback address"), refusal.detail());
    }

    @Test
    void publicAddressesAreAllowedAndReturnedForTheConnection() throws UnknownHostException {
        assertArrayEquals(new byte[] {93, (byte) 184, (byte) 216, 34},
                allowed(guard, "http://93.184.216.34/").getAddress());
        assertEquals(InetAddress.getByAddress(NetUtil
                .createByteArrayFromIpAddressString("2606:4700::1")), allowed(guard, "https://[2606:4700::1]/"));
        allowed(guard, "http://172.32.0.1/");
        allowed(guard, "http://100.128.0.1/");
        allowed(guard, "http://1572395042/");
    }

    @Test
    void hostNamesAreResolvedOnceAndTheCheckedAddressIsReturned() {
        AddressGuard named = new AddressGuard(List.of(), List.of(), table(Map.of(
                "news.example.cn", new String[] {"93.184.216.34", "2606:4700::1"})));
        assertEquals("93.184.216.34", allowed(named, "https://news.example.cn/a.html").getHostAddress());
    }

    @Test
    void aNameResolvingToAnyPrivateAddressIsBlocked() {
        AddressGuard named = new AddressGuard(List.of(), List.of(), table(Map.of(
                "rebind.example", new String[] {"93.184.216.34", "10.0.0.1"},
                "metadata.example", new String[] {"169.254.169.254"})));
        GuardDecision.Refused mixed = refused(named, "http://rebind.example/");
        assertEquals(FailureReason.BLOCKED_ADDRESS, mixed.reason());
        assertTrue(mixed.detail().contains("resolves to 10.0.0.1"), mixed.detail());
        assertEquals(FailureReason.BLOCKED_ADDRESS, refused(named, "http://metadata.example/").reason());
    }

    @Test
    void unknownHostIsRefusedAsUnknown() {
        AddressGuard named = new AddressGuard(List.of(), List.of(), table(Map.of()));
        assertEquals(FailureReason.UNKNOWN_HOST, refused(named, "http://no-such-host.example/").reason());
    }

    @Test
    void onlyStandardAndConfiguredPortsAreAllowedOnPublicAddresses() {
        GuardDecision.Refused refusal = refused(guard, "http://93.184.216.34:8080/");
        assertEquals(FailureReason.BLOCKED_ADDRESS, refusal.reason());
        assertTrue(refusal.detail().contains("Port 8080"), refusal.detail());
        allowed(guard, "http://93.184.216.34:443/");
        allowed(guard, "https://93.184.216.34:80/");
        AddressGuard withPort = new AddressGuard(List.of(), List.of(8080), NO_LOOKUP);
        allowed(withPort, "http://93.184.216.34:8080/");
        refused(withPort, "http://10.0.0.1:8080/");
    }

    @Test
    void allowListEntryWithoutPortAllowsEveryPortOfThatAddressOnly() {
        AddressGuard test = new AddressGuard(List.of("127.0.0.1"), List.of(), NO_LOOKUP);
        allowed(test, "http://127.0.0.1:43210/");
        allowed(test, "http://[::ffff:127.0.0.1]:43210/");
        assertEquals(FailureReason.BLOCKED_ADDRESS, refused(test, "http://127.0.0.2:43210/").reason());
        assertEquals(FailureReason.BLOCKED_ADDRESS, refused(test, "http://[::1]:43210/").reason());
    }

    @Test
    void allowListEntryWithPortAllowsThatPortOnly() {
        AddressGuard local = new AddressGuard(List.of("127.0.0.1:8090", "[::1]:8091"), List.of(), NO_LOOKUP);
        allowed(local, "http://127.0.0.1:8090/");
        allowed(local, "http://[::1]:8091/");
        assertEquals(FailureReason.BLOCKED_ADDRESS, refused(local, "http://127.0.0.1:8091/").reason());
        assertEquals(FailureReason.BLOCKED_ADDRESS, refused(local, "http://127.0.0.1/").reason());
    }

    @Test
    void allowListEntriesMustBeIpLiterals() {
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of("localhost"), List.of(),
                NO_LOOKUP));
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of("010.0.0.1"), List.of(),
                NO_LOOKUP));
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of("127.0.0.1:http"), List.of(),
                NO_LOOKUP));
    }
}
