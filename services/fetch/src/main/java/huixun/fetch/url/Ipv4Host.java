package huixun.fetch.url;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a host that "ends in a number" as an IPv4 address the way the WHATWG URL Standard (§3.5, IPv4 parser) and
 * therefore browsers, curl and glibc's {@code inet_aton} do: {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}
 * and {@code 127.1} all mean 127.0.0.1. {@code java.net} disagrees ({@code InetAddress} reads {@code 0177.0.0.1} as
 * 177.0.0.1 and rejects {@code 0x7f.1}), so the fetcher settles every such spelling here, once, and everything after
 * sees the dotted-quad form.
 */
final class Ipv4Host {
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");
    private static final Pattern OCTAL_DIGITS = Pattern.compile("[0-7]*");
    private static final BigInteger BYTE_LIMIT = BigInteger.valueOf(255);

    private Ipv4Host() {
    }

    /** True when the last label is a number, which makes the whole host an IPv4 address or invalid. */
    static boolean endsInNumber(String host) {
        String[] parts = labels(host);
        String last = parts[parts.length - 1];
        return DECIMAL.matcher(last).matches() || HEX.matcher(last).matches();
    }

    /** The address in dotted-quad form, or empty when the host is not a valid IPv4 address in any spelling. */
    static Optional<String> parse(String host) {
        String[] parts = labels(host);
        if (parts.length > 4) {
            return Optional.empty();
        }
        BigInteger[] numbers = new BigInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<BigInteger> number = number(parts[i]);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            numbers[i] = number.get();
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i].compareTo(BYTE_LIMIT) > 0) {
                return Optional.empty();
            }
        }
        // The last number fills the bytes the others left: "127.1" is 127.0.0.1, "2130706433" all four bytes.
        BigInteger last = numbers[numbers.length - 1];
        if (last.compareTo(BigInteger.ONE.shiftLeft(8 * (5 - numbers.length))) >= 0) {
            return Optional.empty();
        }
        long address = last.longValue();
        for (int i = 0; i < numbers.length - 1; i++) {
            address += numbers[i].longValue() << (8 * (3 - i));
        }
        return Optional.of(String.format(Locale.ROOT, "%d.%d.%d.%d",
                (address >> 24) & 0xff, (address >> 16) & 0xff, (address >> 8) & 0xff, address & 0xff));
    }

    private static String[] labels(String host) {
        String trimmed = host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
        return trimmed.split("\\.", -1);
    }

    private static Optional<BigInteger> number(String part) {
        if (part.isEmpty()) {
            return Optional.empty();
        }
        if (HEX.matcher(part).matches()) {
            String digits = part.substring(2);
            return Optional.of(digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16));
        }
        if (!DECIMAL.matcher(part).matches()) {
            return Optional.empty();
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            String digits = part.substring(1);
            return OCTAL_DIGITS.matcher(digits).matches() ? Optional.of(new BigInteger(digits, 8)) : Optional.empty();
        }
        return Optional.of(new BigInteger(part));
    }
}
