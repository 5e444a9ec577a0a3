package huixun.fetch.guard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The address blocks a fetch must never reach, from the IANA special-purpose registries (RFC 6890 and updates):
 * loopback, private, shared (CGNAT), link-local (cloud metadata at 169.254.169.254), multicast, unspecified and
 * reserved space, and the IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4), which are judged
 * by that IPv4 address. Works on raw bytes so that no {@code InetAddress} conversion can hide a mapped address.
 */
final class AddressRanges {
    private AddressRanges() {
    }

    /** What kind of non-public address this is, as a phrase ("a loopback address"), or empty for a public one. */
    static Optional<String> nonPublic(byte[] address) {
        return address.length == 4 ? ipv4(address) : ipv6(address);
    }

    private static Optional<String> ipv4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified (\"this network\", 0.0.0.0/8) address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return Optional.of("a private (RFC 1918) address");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT (100.64.0.0/10) address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local (169.254.0.0/16, cloud metadata) address");
        }
        if (first == 192 && second == 0 && a[2] == 0) {
            return Optional.of("an IETF protocol assignment (192.0.0.0/24) address");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("a benchmarking (198.18.0.0/15) address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        if (first >= 240) {
            return Optional.of("a reserved (240.0.0.0/4, broadcast) address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] a) {
        if (isZero(a, 0, 16)) {
            return Optional.of("the unspecified IPv6 address");
        }
        if (isZero(a, 0, 15) && a[15] == 1) {
            return Optional.of("the IPv6 loopback address");
        }
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12, "an IPv4-mapped address of ");
        }
        if (isZero(a, 0, 12)) {
            // Deprecated by RFC 4291 §2.5.5.1 and never routed publicly: refused whatever it embeds.
            return embedded(a, 12, "an IPv4-compatible address of ")
                    .or(() -> Optional.of("a deprecated IPv4-compatible IPv6 address"));
        }
        if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && isZero(a, 4, 12)) {
            return embedded(a, 12, "a NAT64 address of ");
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return embedded(a, 2, "a 6to4 address of ");
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique local (fc00::/7) address");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local (fe80::/10) address");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local (fec0::/10) address");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] a, int offset, String prefix) {
        byte[] ipv4 = Arrays.copyOfRange(a, offset, offset + 4);
        return ipv4(ipv4).map(kind -> prefix + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff)
                + "." + (ipv4[3] & 0xff) + ", " + kind);
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
