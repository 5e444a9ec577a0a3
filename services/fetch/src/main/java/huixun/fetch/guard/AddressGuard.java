package huixun.fetch.guard;

import huixun.contracts.FailureReason;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.url.WebUrl;
import io.netty.util.NetUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, before every connection (first request and each redirect hop), whether the fetcher may connect to a URL,
 * so that a submitted or redirected URL cannot reach the service's own network (SSRF). The host is resolved once,
 * every address it resolves to must be public (see {@link AddressRanges}) and the port must be 80, 443 or one of
 * {@code huixun.fetch.guard.allowed-ports}; the caller then connects to the address returned, never to the name,
 * so a second DNS answer cannot differ from the checked one. Entries of {@code huixun.fetch.guard.allow} pass
 * although they are not public.
 *
 * <p>{@link #check} blocks while resolving; call it off the event loop.
 */
@ApplicationScoped
public class AddressGuard {
    private static final Set<Integer> STANDARD_PORTS = Set.of(80, 443);

    private final List<AllowEntry> allow;
    private final Set<Integer> allowedPorts;
    private final HostResolver resolver;

    @Inject
    public AddressGuard(FetchConfig config) {
        this(config.guard().allow().orElse(List.of()), config.guard().allowedPorts().orElse(List.of()),
                InetAddress::getAllByName);
    }

    /**
     * @param allow        IP literals ({@code ip}, {@code ip:port} or {@code [ipv6]:port}) allowed though not public
     * @param extraPorts   ports allowed on public addresses besides 80 and 443
     * @param resolver     looks up host names that are not IP literals
     * @throws IllegalArgumentException when an allow entry is not an IP literal, so a typo stops start-up
     */
    public AddressGuard(Collection<String> allow, Collection<Integer> extraPorts, HostResolver resolver) {
        this.allow = allow.stream().map(String::strip).filter(e -> !e.isEmpty()).map(AllowEntry::parse).toList();
        this.allowedPorts = new TreeSet<>(STANDARD_PORTS);
        this.allowedPorts.addAll(extraPorts);
        this.resolver = resolver;
    }

    /** Resolves the URL's host (unless it is an IP literal) and decides. Blocking. */
    public GuardDecision check(WebUrl url) {
        int port = url.port();
        Optional<InetAddress> literal = literal(url.host());
        if (literal.isEmpty() && !allowedPorts.contains(port) && allow.stream().noneMatch(e -> e.mayUse(port))) {
            // Refused before the lookup: no entry could allow this port whatever the name resolves to.
            return blocked("Port " + port + " is not allowed; the fetcher connects to ports " + allowedPorts + ".");
        }
        InetAddress[] addresses;
        try {
            addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : resolver.resolve(url.host());
        } catch (UnknownHostException e) {
            return new GuardDecision.Refused(FailureReason.UNKNOWN_HOST, "The host " + url.host()
                    + " could not be resolved.");
        }
        if (addresses.length == 0) {
            return new GuardDecision.Refused(FailureReason.UNKNOWN_HOST, "The host " + url.host()
                    + " has no address.");
        }
        // One non-public address among public ones is enough to refuse: which one a connection would use is
        // not ours to choose reliably, and mixed answers are how DNS rebinding starts.
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, port);
            if (refusal.isPresent()) {
                return blocked(literal.isPresent() ? refusal.get()
                        : "The host " + url.host() + " resolves to " + address.getHostAddress() + ". "
                        + refusal.get());
            }
        }
        return new GuardDecision.Allowed(addresses[0]);
    }

    /** Why the fetcher must not connect to {@code address:port}, as a sentence, or empty when it may. */
    public Optional<String> refusal(InetAddress address, int port) {
        if (allow.stream().anyMatch(entry -> entry.permits(address, port))) {
            return Optional.empty();
        }
        Optional<String> kind = AddressRanges.nonPublic(address.getAddress());
        if (kind.isPresent()) {
            return Optional.of(address.getHostAddress() + " is " + kind.get() + "; the fetcher only connects to "
                    + "public addresses.");
        }
        if (!allowedPorts.contains(port)) {
            return Optional.of("Port " + port + " on " + address.getHostAddress() + " is not allowed; the fetcher "
                    + "connects to ports " + allowedPorts + ".");
        }
        return Optional.empty();
    }

    /**
     * The address an IP literal names ({@code 192.0.2.1}, {@code [2001:db8::1]}), parsed without a lookup, or
     * empty for a host name. Java parses IPv6 here, not Netty: Netty reads the IPv4-compatible {@code ::8.8.8.8} as
     * the mapped {@code ::ffff:8.8.8.8}, another address. Java turns a mapped {@code ::ffff:a.b.c.d} into the
     * Inet4Address {@code a.b.c.d}, the same destination, so both spellings meet the same rules.
     */
    static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]")
                && NetUtil.isValidIpV6Address(host.substring(1, host.length() - 1));
        if (!ipv6 && !NetUtil.isValidIpV4Address(host)) {
            return Optional.empty();
        }
        try {
            // A literal: InetAddress parses it and never asks DNS.
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static GuardDecision blocked(String detail) {
        return new GuardDecision.Refused(FailureReason.BLOCKED_ADDRESS, detail);
    }

    /** One allow-list entry: an address, and a port or -1 for every port. */
    private record AllowEntry(InetAddress address, int port) {
        static AllowEntry parse(String entry) {
            String address = entry;
            int port = -1;
            int colon = entry.indexOf(':');
            if (entry.startsWith("[")) {
                int end = entry.indexOf(']');
                address = end < 0 ? entry : entry.substring(0, end + 1);
                port = end >= 0 && end + 1 < entry.length() ? port(entry, entry.substring(end + 1)) : -1;
            } else if (colon >= 0 && colon == entry.lastIndexOf(':')) {
                address = entry.substring(0, colon);
                port = port(entry, entry.substring(colon));
            } else if (colon >= 0) {
                address = "[" + entry + "]";
            }
            Optional<InetAddress> parsed = literal(address);
            // Dotted quads only as written plainly: "010.0.0.1" means 10.0.0.1 to some parsers, 8.0.0.1 to others.
            if (parsed.isEmpty() || parsed.get() instanceof Inet4Address && !address.startsWith("[")
                    && !parsed.get().getHostAddress().equals(address)) {
                throw new IllegalArgumentException("huixun.fetch.guard.allow entry " + entry
                        + " is not an IP address, ip:port or [ipv6]:port");
            }
            return new AllowEntry(parsed.get(), port);
        }

        private static int port(String entry, String colonAndPort) {
            if (!colonAndPort.matches(":[0-9]{1,5}")) {
                throw new IllegalArgumentException("huixun.fetch.guard.allow entry " + entry + " has no valid port");
            }
            return Integer.parseInt(colonAndPort.substring(1));
        }

        boolean mayUse(int candidate) {
            return port < 0 || port == candidate;
        }

        boolean permits(InetAddress candidate, int candidatePort) {
            return Arrays.equals(address.getAddress(), candidate.getAddress()) && mayUse(candidatePort);
        }
    }
}
