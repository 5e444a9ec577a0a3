package huixun.stack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import huixun.stack.process.LogTail;
import huixun.stack.process.LoopbackPort;

/**
 * A PostgreSQL server for the local stack and for tests, run from the operating system's binaries (Debian's
 * {@code postgresql} package) on 127.0.0.1, with database {@code huixun} owned by role {@code huixun} (password
 * {@code huixun}).
 *
 * <p>The cluster lives in {@code <dir>/data} and is reused on the next start. {@code initdb} refuses to run as
 * root, so as root every PostgreSQL binary runs as the {@code postgres} user through {@code runuser}; when that user
 * cannot reach the requested directory (a clone under a 0700 directory), the cluster moves to
 * {@code ${java.io.tmpdir}/huixun-postgres-<hash of dir>}.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String DATABASE = "huixun";
    public static final String USERNAME = "huixun";
    public static final String PASSWORD = "huixun";

    /** Overrides the directory holding pg_ctl, initdb and psql. */
    public static final String BIN_ENV = "HUIXUN_PG_BIN";

    private static final Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final String OS_USER = "postgres";
    private static final String MOVED_PREFIX = "huixun-postgres-";
    private static final String ORIGIN_FILE = "huixun-origin.txt";
    // Unix socket paths are limited to 107 bytes (sun_path); ".s.PGSQL.NNNNN" takes 15 of them.
    private static final int MAX_SOCKET_DIR_LENGTH = 90;
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path clusterDir;
    private final boolean asPostgresUser;
    private final int port;

    private PostgresServer(Path bin, Path clusterDir, boolean asPostgresUser, int port) {
        this.bin = bin;
        this.clusterDir = clusterDir;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /**
     * Starts (initialising it first if needed) the cluster kept in {@code dir}.
     *
     * @param dir  where the cluster lives; created if missing
     * @param port the TCP port on 127.0.0.1, 0 for a free one
     */
    public static PostgresServer start(Path dir, int port) {
        Path bin = findBinaries();
        boolean root = isRoot();
        Path clusterDir = clusterDir(dir.toAbsolutePath().normalize(), root);
        int chosenPort = LoopbackPort.orFree(port);
        PostgresServer server = new PostgresServer(bin, clusterDir, root, chosenPort);
        long started = System.nanoTime();
        server.initialiseIfNeeded();
        server.stopLeftover();
        server.startServer();
        try {
            server.createDatabase();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.log(Level.INFO, "postgres started port={0} dir={1} ms={2}", Integer.toString(chosenPort), clusterDir,
                Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** Where the cluster actually lives (differs from the requested directory when it had to move, see above). */
    public Path clusterDir() {
        return clusterDir;
    }

    /** The Quarkus datasource settings (reactive and JDBC) that reach this server as the application role. */
    public Map<String, String> datasourceProperties() {
        return Map.of("quarkus.datasource.reactive.url", reactiveUrl(), "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", username(), "quarkus.datasource.password", password());
    }

    /** The postmaster's process id, read from its pid file. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " has no readable postmaster.pid", e);
        }
    }

    /** The server's own log file. */
    public Path logFile() {
        return clusterDir.resolve("postgres.log");
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); the cluster stays for the next start. */
    @Override
    public void close() {
        Result stop = runAllowingFailure(List.of(tool("pg_ctl"), "stop", "-D", dataDir().toString(), "-m", "fast",
                "-w", "-t", "30"));
        // pg_ctl stop also fails when the server is already down (a second close, a crash): only running is wrong.
        if (stop.exitCode() != 0 && running()) {
            throw new IllegalStateException("PostgreSQL on port " + port + " did not stop: " + stop.output());
        }
        LOG.log(Level.INFO, "postgres stopped port={0}", Integer.toString(port));
    }

    private boolean running() {
        return runAllowingFailure(List.of(tool("pg_ctl"), "status", "-D", dataDir().toString())).exitCode() == 0;
    }

    /**
     * Runs {@code psql} as the superuser against this server with a single SQL command and returns its unaligned,
     * tuples-only output (for checks and tests).
     */
    public String psql(String sql) {
        return psql("postgres", sql);
    }

    /** As {@link #psql(String)}, in {@code database} (e.g. {@link #DATABASE}, where the services keep their data). */
    public String psql(String database, String sql) {
        return run(List.of(tool("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", OS_USER, "-d", database, "-c", sql)).strip();
    }

    private Path dataDir() {
        return clusterDir.resolve("data");
    }

    private Path socketDir() {
        Path inCluster = clusterDir.resolve("run");
        if (inCluster.toString().length() <= MAX_SOCKET_DIR_LENGTH) {
            return inCluster;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "huixun-pgsock-" + shortHash(clusterDir));
    }

    private void initialiseIfNeeded() {
        if (Files.exists(dataDir().resolve("PG_VERSION"))) {
            return;
        }
        LOG.log(Level.INFO, "postgres initdb dir={0}", dataDir());
        // --locale=C: the machine may lack every other locale, and collation order does not matter here.
        run(List.of(tool("initdb"), "--no-sync", "-A", "trust", "-U", OS_USER, "-E", "UTF8", "--locale=C",
                "-D", dataDir().toString()));
    }

    /** A launcher killed with -9 leaves its server running; stop it so this start gets the requested port. */
    private void stopLeftover() {
        if (!Files.exists(dataDir().resolve("postmaster.pid"))) {
            return;
        }
        if (running()) {
            LOG.log(Level.WARNING, "postgres left running by an earlier run, stopping it dir={0}", dataDir());
            run(List.of(tool("pg_ctl"), "stop", "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "30"));
        }
    }

    private void startServer() {
        Path socketDir = socketDir();
        createOwnedDirectory(socketDir);
        String options = "-c fsync=off -c listen_addresses=127.0.0.1 -p " + port + " -k " + shellQuote(socketDir);
        Result result = runAllowingFailure(List.of(tool("pg_ctl"), "start", "-D", dataDir().toString(),
                "-l", logFile().toString(), "-w", "-t", "60", "-o", options));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + result.output()
                    + "\n" + LogTail.of(logFile()));
        }
    }

    private void createDatabase() {
        // Idempotent: the cluster is reused across runs.
        psql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USERNAME + "') THEN "
                + "CREATE ROLE " + USERNAME + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        if (psql("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").isEmpty()) {
            psql("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME);
        }
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private String run(List<String> command) {
        Result result = runAllowingFailure(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Command failed (exit " + result.exitCode() + "): "
                    + String.join(" ", command) + "\n" + result.output());
        }
        return result.output();
    }

    private Result runAllowingFailure(List<String> command) {
        return execute(asPostgresUser, clusterDir, command);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result execute(boolean asPostgresUser, Path workDir, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (workDir != null && Files.isDirectory(workDir)) {
            // The postgres user may not be allowed into the launcher's working directory.
            builder.directory(workDir.toFile());
        }
        try {
            Process process = builder.start();
            // pg_ctl start leaves the server holding no pipe of ours (its output goes to -l), so this read ends.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Command timed out: " + String.join(" ", full));
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", full), e);
        }
    }

    private static Path findBinaries() {
        String override = System.getenv(BIN_ENV);
        if (override != null && !override.isBlank()) {
            Path bin = Path.of(override);
            if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
                throw new IllegalStateException(BIN_ENV + "=" + override + " holds no executable pg_ctl");
            }
            return bin;
        }
        Path root = Path.of("/usr/lib/postgresql");
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                newest = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries found under " + root
                + ". Install them with `apt-get update && apt-get install -y postgresql` (Debian/Ubuntu), or set "
                + BIN_ENV + " to a directory holding pg_ctl, initdb and psql."));
    }

    private static boolean isRoot() {
        try {
            Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return "0".equals(uid);
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path clusterDir(Path requested, boolean root) {
        createOwnedDirectory(requested, root);
        if (!root || execute(true, null, List.of("test", "-x", requested.toString())).exitCode() == 0) {
            return requested;
        }
        removeOrphanedClusters();
        Path moved = Path.of(System.getProperty("java.io.tmpdir"), MOVED_PREFIX + shortHash(requested));
        createOwnedDirectory(moved, true);
        try {
            Files.writeString(moved.resolve(ORIGIN_FILE), requested + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + moved.resolve(ORIGIN_FILE), e);
        }
        LOG.log(Level.WARNING, "postgres user cannot reach {0}; the cluster lives in {1} instead", requested, moved);
        return moved;
    }

    /**
     * Deletes moved clusters whose requested directory is gone (tests ask for a @TempDir, which JUnit deletes) and
     * whose server is not running, so that repeated test runs do not fill the temporary directory.
     */
    private static void removeOrphanedClusters() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> candidates = Files.list(tmp)) {
            candidates.filter(dir -> dir.getFileName().toString().startsWith(MOVED_PREFIX))
                    .filter(dir -> Files.isRegularFile(dir.resolve(ORIGIN_FILE)))
                    .filter(PostgresServer::orphaned)
                    .forEach(PostgresServer::deleteTree);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot look for orphaned clusters in " + tmp, e);
        }
    }

    private static boolean orphaned(Path movedCluster) {
        try {
            Path origin = Path.of(Files.readString(movedCluster.resolve(ORIGIN_FILE), StandardCharsets.UTF_8).strip());
            Path pidFile = movedCluster.resolve("data/postmaster.pid");
            boolean running = Files.exists(pidFile) && Files.readAllLines(pidFile).stream().findFirst()
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid.strip())))
                    .map(ProcessHandle::isAlive).orElse(false);
            return !Files.exists(origin) && !running;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            LOG.log(Level.INFO, "postgres removed orphaned cluster dir={0}", dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove orphaned cluster " + dir, e);
        }
    }

    private void createOwnedDirectory(Path dir) {
        createOwnedDirectory(dir, asPostgresUser);
    }

    private static void createOwnedDirectory(Path dir, boolean forPostgresUser) {
        try {
            Files.createDirectories(dir);
            if (forPostgresUser) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(OS_USER);
                Files.setOwner(dir, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    private static String shortHash(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pg_ctl hands -o to /bin/sh, so a path with spaces or quotes must be quoted for the shell. */
    private static String shellQuote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
