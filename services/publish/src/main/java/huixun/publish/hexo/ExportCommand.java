package huixun.publish.hexo;

import huixun.contracts.ArticleId;
import huixun.contracts.json.EventJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code export --since DATE --out DIR}: writes every published article published since DATE as a Hexo post
 * {@code DIR/<article id>.md}, in the format of {@code GET /api/v1/articles/{id}.md}. A plain main over JDBC (the
 * PostgreSQL driver ships in the app), so exporting does not start the service and its Kafka consumers:
 * <pre>
 * java -cp 'services/publish/target/quarkus-app/lib/main/*:services/publish/target/quarkus-app/app/*' \
 *      huixun.publish.hexo.ExportCommand --since 2021-08-01 --out /tmp/posts \
 *      [--db jdbc:postgresql://127.0.0.1:15432/huixun] [--user huixun]   (password: $PGPASSWORD, else huixun)
 * </pre>
 * File names come from article ids alone (16 hex digits, checked), and each path is checked to stay inside DIR, so
 * no stored value can write elsewhere.
 */
public final class ExportCommand {
    private static final String USAGE = "usage: export --since DATE|INSTANT --out DIR [--db JDBC_URL] [--user USER]";
    private static final String PUBLISHED_SINCE = """
            SELECT id, title, source, cast(categories as text), lead_image, coalesce(published_at, created_at), html
            FROM article
            WHERE version IS NOT NULL AND coalesce(published_at, created_at) >= ?
            ORDER BY coalesce(published_at, created_at), id""";

    private ExportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the export; 0 when done, 2 on bad arguments, 1 when the database or a file could not be used. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options;
        Instant since;
        Path dir;
        try {
            options = options(args);
            since = instant(required(options, "--since"));
            dir = Path.of(required(options, "--out")).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String url = options.getOrDefault("--db", environment.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://localhost:5432/huixun"));
        String user = options.getOrDefault("--user", environment.getOrDefault("QUARKUS_DATASOURCE_USERNAME",
                "huixun"));
        String password = environment.getOrDefault("PGPASSWORD", environment.getOrDefault(
                "QUARKUS_DATASOURCE_PASSWORD", "huixun"));
        try {
            Files.createDirectories(dir);
            int written = export(url, user, password, since, dir);
            out.println("exported=" + written + " since=" + since + " out=" + dir);
            return 0;
        } catch (SQLException | IOException e) {
            err.println("export failed: " + e.getMessage());
            return 1;
        }
    }

    private static int export(String url, String user, String password, Instant since, Path dir)
            throws SQLException, IOException {
        int written = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement query = connection.prepareStatement(PUBLISHED_SINCE)) {
            connection.setReadOnly(true);
            query.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String post = HexoPost.of(rows.getString(2), rows.getString(3), categories(rows.getString(4)),
                            rows.getString(5), rows.getTimestamp(6).toInstant(), rows.getString(7));
                    write(dir, rows.getString(1), post);
                    written++;
                }
            }
        }
        return written;
    }

    /** Writes {@code DIR/<id>.md} through a temporary file, so a reader never sees half a post. */
    static void write(Path dir, String articleId, String post) throws IOException {
        Path target = dir.resolve(fileName(articleId)).normalize();
        if (!target.getParent().equals(dir)) {
            throw new IOException("refusing to write outside " + dir + ": " + target);
        }
        Path partial = Files.createTempFile(dir, ".export-", ".part");
        Files.writeString(partial, post, StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String fileName(String articleId) {
        if (!ArticleId.isValid(articleId)) {
            throw new IllegalArgumentException("not an article id: " + articleId);
        }
        return articleId + ".md";
    }

    private static List<String> categories(String json) {
        return json == null ? List.of() : List.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8),
                String[].class));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        int first = args.length > 0 && args[0].equals("export") ? 1 : 0;
        for (int i = first; i < args.length; i += 2) {
            if (!List.of("--since", "--out", "--db", "--user").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException notInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                throw new IllegalArgumentException("--since must be a date (2021-08-02) or an instant "
                        + "(2021-08-02T11:47:10Z), not '" + value + "'");
            }
        }
    }
}
