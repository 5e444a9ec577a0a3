package huixun.publish.api;

import huixun.contracts.ArticleId;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.search.ArticleFilter;
import huixun.publish.search.SearchText;
import huixun.publish.store.ListPosition;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/v1/articles}, validated: anything malformed is a 400
 * {@code /problems/invalid-parameter} naming the parameter, never a 500 or a silently empty list.
 */
public final class ListRequest {
    static final int MAX_SIZE = 100;
    static final int MAX_QUERY_CHARS = 200;

    // IPTC Media Topic codes are eight digits; ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision.
    private static final Pattern TOPIC = Pattern.compile("\\d{8}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}\\.)*[a-z0-9-]{1,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    // Label codes are bound as SQL parameters; this only keeps out control characters and absurd lengths.
    private static final Pattern PERSON = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    private static final Pattern SCRIPT = Pattern.compile("[A-Z][a-z]{3}");
    private static final char CURSOR_SEPARATOR = '|';

    private ListRequest() {
    }

    static int page(String value) {
        return number("page", value, 0, Integer.MAX_VALUE);
    }

    static int size(String value) {
        return number("size", value, 1, MAX_SIZE);
    }

    /** The validated filter; the list's, the stream's and the web reader's parameters are the same. */
    public static ArticleFilter filter(FilterParameters p) {
        Instant fromInstant = instant("from", p.from, false);
        Instant toInstant = instant("to", p.to, true);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw invalid("from (" + p.from + ") must be before to (" + p.to + ")");
        }
        return new ArticleFilter(matching("topic", p.topic, TOPIC, "an IPTC Media Topic code of eight digits"),
                matching("region", p.region, REGION, "an ISO 3166 code such as CN or CN-GD"),
                matching("source", p.source == null ? null : p.source.toLowerCase(Locale.ROOT), HOST,
                        "a host name such as www.example.cn"),
                matching("lang", p.lang, LANGUAGE, "a language tag such as zh or en"),
                fromInstant, toInstant, query(p.q),
                matching("person", p.person, PERSON, "a person label's code of 1 to 100 characters"),
                matching("script", p.script, SCRIPT, "an ISO 15924 script code: Hans or Hant"),
                flag("includeDuplicates", p.includeDuplicates));
    }

    /** The opaque cursor the list hands out as {@code next}: where the page ended. */
    static String cursor(ListPosition position) {
        String plain = position.createdAt().toString() + CURSOR_SEPARATOR + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ListPosition position(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int separator = plain.indexOf(CURSOR_SEPARATOR);
            String id = plain.substring(separator + 1);
            if (separator < 0 || !ArticleId.isValid(id)) {
                throw invalidCursor();
            }
            return new ListPosition(Instant.parse(plain.substring(0, separator)), id);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw invalidCursor();
        }
    }

    static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-parameter", "Invalid parameter", detail);
    }

    private static ProblemException invalidCursor() {
        return invalid("cursor is not a cursor this API handed out as next");
    }

    private static String query(String q) {
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw invalid("q must be at most " + MAX_QUERY_CHARS + " characters, not " + q.length());
        }
        SearchText.Split split = SearchText.forQuery(q);
        if (split.cjk().isEmpty() && split.latin().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw invalid("q must contain a word");
        }
        return q;
    }

    private static String matching(String name, String value, Pattern pattern, String expected) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw invalid(name + " must be " + expected + ", not '" + shorten(value) + "'");
        }
        return value;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw invalid(name + " must be true or false, not '" + shorten(value) + "'");
    }

    /** An ISO-8601 instant, or a date meaning its start (UTC); as {@code to}, a date means its end. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException notInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                throw invalid(name + " must be a date (2021-08-02) or an instant (2021-08-02T11:47:10Z), not '"
                        + shorten(value) + "'");
            }
        }
    }

    private static int number(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a whole number, not '" + shorten(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw invalid(name + " must be " + (max == Integer.MAX_VALUE ? min + " or more"
                    : "between " + min + " and " + max) + ", not " + parsed);
        }
        return parsed;
    }

    // A rejected value is echoed back, but never at any length.
    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
