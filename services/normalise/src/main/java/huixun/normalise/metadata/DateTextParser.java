package huixun.normalise.metadata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication times as news pages write them: ISO 8601 with or without an offset, RFC 1123
 * ({@code Mon, 02 Aug 2021 19:47:10 GMT}), and in running text {@code 2021年07月28日 10:50},
 * {@code 2021-07-28 10:50:17}, {@code 2021/7/28 10:50} or a bare date. A time without an offset is in the zone the
 * caller gives (Asia/Shanghai for Chinese pages); a bare date is midnight in that zone.
 */
public final class DateTextParser {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(?<!\\d)(?<year>(?:19|20)\\d{2})\\s*"
                    + "(?:年\\s*(?<month>\\d{1,2})\\s*月\\s*(?<day>\\d{1,2})\\s*日"
                    + "|(?<sep>[-/.])(?<month2>\\d{1,2})\\k<sep>(?<day2>\\d{1,2})(?!\\d))"
                    + "(?:(?:\\s*|T)(?<hour>\\d{1,2})[:：](?<minute>\\d{2})(?:[:：](?<second>\\d{2})(?:\\.\\d+)?)?(?!\\d)"
                    + "\\s*(?<offset>Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final int MIN_YEAR = 1990;

    /** A machine-readable value ({@code <meta content>}, {@code datetime}, JSON-LD); falls back to {@link #find}. */
    public Optional<Instant> parse(String value, ZoneId zone) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // Both ISO forms need the 'T' (either case) between date and time: without one, each would only throw, and a
        // thrown exception costs more than the parse (many pages write "2021-07-28 10:50:17" in their meta).
        if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
            return rfc1123(text, zone);
        }
        try {
            return plausible(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return plausible(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException notLocal) {
                return rfc1123(text, zone);
            }
        }
    }

    private Optional<Instant> rfc1123(String text, ZoneId zone) {
        try {
            return plausible(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notRfc1123) {
            return find(text, zone);
        }
    }

    /** The first valid date, with its time when one follows, in running text. */
    public Optional<Instant> find(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DATE_TIME.matcher(text);
        while (m.find()) {
            Optional<Instant> instant = toInstant(m, zone);
            if (instant.isPresent()) {
                return instant;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> toInstant(Matcher m, ZoneId zone) {
        try {
            int year = Integer.parseInt(m.group("year"));
            int month = Integer.parseInt(m.group("month") != null ? m.group("month") : m.group("month2"));
            int day = Integer.parseInt(m.group("day") != null ? m.group("day") : m.group("day2"));
            LocalDate date = LocalDate.of(year, month, day);
            if (m.group("hour") == null) {
                return plausible(date.atStartOfDay(zone).toInstant());
            }
            LocalDateTime local = date.atTime(Integer.parseInt(m.group("hour")), Integer.parseInt(m.group("minute")),
                    m.group("second") == null ? 0 : Integer.parseInt(m.group("second")));
            String offset = m.group("offset");
            ZoneId in = offset == null ? zone : ZoneOffset.of(normaliseOffset(offset));
            return plausible(local.atZone(in).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty(); // 2021-02-30 or 25:00 looks like a date but is none: try the next match
        }
    }

    private static String normaliseOffset(String offset) {
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }

    /** Rejects years no news page is from; a page may be a little ahead of our clock, not a year. */
    private static Optional<Instant> plausible(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        int latest = Instant.now().atZone(ZoneOffset.UTC).getYear() + 1;
        return year >= MIN_YEAR && year <= latest ? Optional.of(instant) : Optional.empty();
    }
}
