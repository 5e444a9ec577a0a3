package huixun.stack.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {
    @TempDir
    Path dir;

    private Path clusterDir;

    @AfterEach
    void removeMovedCluster() throws IOException {
        // As root a @TempDir (mode 0700) is out of the postgres user's reach, so the cluster moved to java.io.tmpdir.
        if (clusterDir != null && !clusterDir.startsWith(dir)) {
            try (Stream<Path> files = Files.walk(clusterDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void huixunLogsInWithItsPasswordAndTheClusterSurvivesARestart() throws SQLException {
        int port;
        try (PostgresServer server = PostgresServer.start(dir.resolve("postgres"), 0)) {
            clusterDir = server.clusterDir();
            port = server.port();
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/huixun", server.jdbcUrl());
            assertEquals("huixun|huixun", query(server, "SELECT current_user || '|' || current_database()"));
            execute(server, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        assertThrows(ConnectException.class, () -> connect(port));

        try (PostgresServer again = PostgresServer.start(dir.resolve("postgres"), 0)) {
            assertEquals(clusterDir, again.clusterDir());
            assertEquals("42", query(again, "SELECT v FROM kept"));
            assertEquals("1", again.psql("SELECT 1"));
        }
    }

    private static String query(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }
}
