package huixun.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import huixun.stack.kafka.KafkaBroker;
import huixun.stack.postgres.PostgresServer;
import huixun.stack.process.LoopbackPort;
import huixun.stack.service.ServiceProcess;
import huixun.stack.site.SampleSite;

/**
 * The whole suite on loopback: PostgreSQL and Kafka (side by side), the sample site, then fetch, normalise,
 * classify and publish. {@link #close()} stops whatever has started, in reverse order, and may be called from
 * another thread (a shutdown hook) while {@link #start()} is still running.
 */
public final class Stack implements AutoCloseable {
    public static final List<String> SERVICES = List.of("fetch", "normalise", "classify", "publish");

    private static final Logger LOG = System.getLogger(Stack.class.getName());
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(15);
    /** classify's own JVM options; see {@link #jvmOptions}. */
    static final List<String> CLASSIFY_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=4");

    private final StackConfig config;
    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceProcess.Config> launched = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();
    private volatile boolean closing;
    private volatile boolean wroteRunningStack;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KafkaBroker.Config kafkaConfig;
    private SampleSite site;

    public Stack(StackConfig config) {
        this.config = config;
    }

    /** Creates and starts a stack; on failure everything already started is stopped again. */
    public static Stack start(StackConfig config) {
        Stack stack = new Stack(config);
        stack.start();
        return stack;
    }

    /** Starts everything and returns once every service is ready. */
    public void start() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(config.logsDir());
            stopLeftovers();
            checkPortsFree();
            startInfrastructure();
            startServices();
            timings.put("total", since(begin));
            writeRunningStack(true);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public StackConfig config() {
        return config;
    }

    public String fetchUrl() {
        return started("fetch").url();
    }

    public String normaliseUrl() {
        return started("normalise").url();
    }

    public String classifyUrl() {
        return started("classify").url();
    }

    public String publishUrl() {
        return started("publish").url();
    }

    private ServiceProcess started(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return service;
    }

    private String urlIfLaunched(String name) {
        ServiceProcess service = services.get(name);
        return service == null ? null : service.url();
    }

    /** The four services in pipeline order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /**
     * Starts one more process of {@code name} with the same settings on a free port (same consumer group, so the
     * topic's partitions are shared out between them) and waits until it is ready; it is called
     * {@code <name>-<n>}, logs to {@code <name>-<n>.log} and stops with the stack.
     */
    public ServiceProcess startReplica(String name) {
        ServiceProcess.Config first = launched.get(name);
        if (first == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        String replica = name + "-" + (2 + replicas.stream().filter(r -> r.name().startsWith(name + "-")).count());
        ServiceProcess process = register(ServiceProcess.start(new ServiceProcess.Config(replica, first.jar(), 0,
                first.properties(), first.jvmOptions(), first.workDir(),
                first.logFile().resolveSibling(replica + ".log"), first.readyTimeout())));
        replicas.add(process);
        return process;
    }

    /**
     * Kills one part as a crash would (SIGKILL: no shutdown hooks, nothing flushed) and waits until it is gone:
     * {@code postgres}, {@code kafka}, or a service or replica by name ({@code fetch}, {@code normalise-2}).
     */
    public void kill(String part) {
        ProcessHandle process = ProcessHandle.of(pidOf(part))
                .orElseThrow(() -> new IllegalStateException(part + " is not running"));
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly); // PostgreSQL's backends, so its restart finds no orphans
        family.add(process);
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IllegalStateException(part + " did not die", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while killing " + part, e);
            }
        }
    }

    /**
     * Starts a part again that {@link #kill} stopped, on the same port and data, and waits until it is ready. The
     * other parts are not told: they must find it again by themselves.
     */
    public void restart(String part) {
        switch (part) {
            case "postgres" -> postgres = register(PostgresServer.start(config.dataDir().resolve("postgres"),
                    postgres.port()));
            case "kafka" -> kafka = register(KafkaBroker.start(kafkaConfig.withPorts(kafka.port(),
                    kafka.controllerPort())));
            default -> {
                ServiceProcess old = running(part);
                ServiceProcess.Config config = launched.get(part.replaceFirst("-\\d+$", ""));
                ServiceProcess process = register(ServiceProcess.start(new ServiceProcess.Config(old.name(),
                        config.jar(), old.port(), config.properties(), config.jvmOptions(), config.workDir(),
                        old.logFile(), config.readyTimeout())));
                if (services.containsKey(part)) {
                    services.put(part, process);
                } else {
                    replicas.set(replicas.indexOf(old), process);
                }
            }
        }
        writeRunningStack(true);
    }

    private long pidOf(String part) {
        return switch (part) {
            case "kafka" -> kafka.pid();
            case "postgres" -> postgres.pid();
            default -> running(part).pid();
        };
    }

    private ServiceProcess running(String name) {
        ServiceProcess service = services.get(name);
        if (service != null) {
            return service;
        }
        return replicas.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part of the stack is called " + name));
    }

    /** Replicas started with {@link #startReplica}, oldest first. */
    public List<ServiceProcess> replicas() {
        return List.copyOf(replicas);
    }

    public SampleSite sampleSite() {
        return site;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** How long each part took to start: {@code postgres}, {@code kafka}, {@code site}, each service, {@code total}. */
    public Map<String, Duration> timings() {
        synchronized (timings) {
            return new LinkedHashMap<>(timings);
        }
    }

    /** Stops everything started, newest first; every part gets its turn even when one fails. */
    @Override
    public void close() {
        closing = true;
        RuntimeException failure = null;
        if (wroteRunningStack) {
            try {
                Files.deleteIfExists(RunningStack.file(config.dataDir()));
            } catch (IOException e) {
                failure = withFailure(failure, e);
            }
        }
        List<AutoCloseable> parts = new ArrayList<>(started);
        started.removeAll(parts);
        Collections.reverse(parts);
        // Services first and together: each may take up to 10 s to stop and none depends on another.
        List<CompletableFuture<Void>> stopping = parts.stream().filter(ServiceProcess.class::isInstance)
                .map(part -> CompletableFuture.runAsync(() -> closeLogged(part))).toList();
        for (CompletableFuture<Void> stop : stopping) {
            try {
                stop.join();
            } catch (CompletionException e) {
                failure = withFailure(failure, e.getCause());
            }
        }
        for (AutoCloseable part : parts) {
            if (!(part instanceof ServiceProcess)) {
                try {
                    closeLogged(part);
                } catch (RuntimeException e) {
                    failure = withFailure(failure, e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException withFailure(RuntimeException first, Throwable next) {
        if (first == null) {
            return next instanceof RuntimeException r ? r : new IllegalStateException(next);
        }
        first.addSuppressed(next);
        return first;
    }

    private static void closeLogged(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping " + part.getClass().getSimpleName() + " failed", e);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private void startInfrastructure() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Each part registers itself as soon as it is up, so that a failure elsewhere still stops it.
            CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(timed("postgres", () -> register(
                    PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort()))), pool);
            kafkaConfig = KafkaBroker.Config.defaults(config.dataDir().resolve("kafka"))
                    .withLogFile(config.logsDir().resolve("kafka.log"))
                    .withPorts(config.kafkaPort(), config.kafkaControllerPort())
                    .withPartitions(config.kafkaPartitions())
                    .withJvmOptions(config.kafkaJvmOptions());
            CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(timed("kafka", () -> register(
                    KafkaBroker.start(kafkaConfig))), pool);
            RuntimeException failure = null;
            try {
                site = register(timed("site", () -> SampleSite.start(config.siteDir(), config.sitePort())).get());
            } catch (RuntimeException e) {
                failure = e;
            }
            // Let both settle before failing, or one could come up after close() has run.
            for (CompletableFuture<?> part : List.of(pg, broker)) {
                try {
                    part.join();
                } catch (CompletionException e) {
                    failure = withFailure(failure, e.getCause());
                }
            }
            if (failure != null) {
                throw failure;
            }
            postgres = pg.join();
            kafka = broker.join();
        } finally {
            pool.shutdown();
        }
    }

    private void startServices() {
        int publishPort = LoopbackPort.orFree(config.publishPort());
        Map<String, Integer> ports = Map.of("fetch", LoopbackPort.orFree(config.fetchPort()),
                "normalise", LoopbackPort.orFree(config.normalisePort()),
                "classify", LoopbackPort.orFree(config.classifyPort()), "publish", publishPort);
        for (String name : SERVICES) {
            Map<String, String> properties = new LinkedHashMap<>();
            // Quarkus listens on every interface by default; the local stack stays on loopback.
            properties.put("quarkus.http.host", "127.0.0.1");
            properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            // publish stores articles; fetch keeps known URLs, feeds and host slots (schema "fetch").
            if (name.equals("publish") || name.equals("fetch")) {
                properties.putAll(postgres.datasourceProperties());
            }
            if (name.equals("fetch")) {
                // fetch refuses loopback addresses; the sample site is the one it may reach.
                properties.put("huixun.fetch.guard.allow", "127.0.0.1:" + site.port());
                properties.put("huixun.fetch.article-base-url", "http://127.0.0.1:" + publishPort);
            }
            properties.putAll(config.serviceProperties().getOrDefault(name, Map.of()));
            ServiceProcess.Config service = ServiceProcess.Config.of(name, config.repoDir(), config.dataDir(),
                    ports.get(name), properties).withJvmOptions(jvmOptions(name))
                    .withReadyTimeout(config.readyTimeout());
            ServiceProcess process = register(ServiceProcess.launch(service));
            services.put(name, process);
            launched.put(name, service);
            writeRunningStack(false);
            if (!config.parallelServices()) {
                process.awaitReady();
                timings.put(name, Duration.ofMillis(process.startupMillis()));
            }
        }
        if (config.parallelServices()) {
            for (ServiceProcess process : services.values()) {
                process.awaitReady();
                timings.put(process.name(), Duration.ofMillis(process.startupMillis()));
            }
        }
    }

    /**
     * The configured service JVM options, plus classify's own, last on the command line so they win: a larger heap,
     * as its name statistics and segmentation dictionaries (HanLP), topic model and duplicate index do not fit the
     * 128 MB the other services run in (it ran out of heap under load); and C2 even where the options stop at C1,
     * since its term counting and regular expressions took a third more CPU per article without C2's intrinsics
     * (JFR, 2026-11), while the other services spent more CPU compiling than C2 gave back in 1,000 articles.
     */
    private List<String> jvmOptions(String service) {
        List<String> options = new ArrayList<>(config.serviceJvmOptions());
        if (service.equals("classify")) {
            options.addAll(CLASSIFY_OPTIONS);
        }
        return options;
    }

    /**
     * A launcher killed with -9 leaves its services running (Kafka and PostgreSQL clean up after themselves on
     * the next start); stop them, but only if they still look like what was recorded.
     */
    private void stopLeftovers() {
        Optional<RunningStack> previous = RunningStack.read(config.dataDir());
        if (previous.isEmpty()) {
            return;
        }
        if (previous.get().launcherAlive() && previous.get().launcherPid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("A Huixun stack is already running from " + config.dataDir()
                    + " (launcher pid " + previous.get().launcherPid() + "); stop it with Ctrl-C or kill "
                    + previous.get().launcherPid() + ", or use another --data-dir");
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        previous.get().pids().forEach((name, pid) -> ProcessHandle.of(pid)
                .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains("quarkus-run.jar")
                        || c.contains("huixun.stack.kafka.BrokerMain")).orElse(false))
                .ifPresent(p -> {
                    LOG.log(Level.WARNING, "stopping {0} left running by an earlier launcher pid={1}", name,
                            Long.toString(pid));
                    p.destroy();
                    leftovers.add(p);
                }));
        for (ProcessHandle leftover : leftovers) {
            try {
                leftover.onExit().get(LEFTOVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                leftover.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping leftovers", e);
            }
        }
        try {
            Files.deleteIfExists(RunningStack.file(config.dataDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails before anything starts when a fixed port is taken, naming every such port. PostgreSQL is left out: a
     * server left running on its own data directory is stopped by {@link PostgresServer#start}.
     */
    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("fetch", config.fetchPort());
        ports.put("normalise", config.normalisePort());
        ports.put("classify", config.classifyPort());
        ports.put("publish", config.publishPort());
        ports.put("sample site", config.sitePort());
        ports.put("Kafka", config.kafkaPort());
        ports.put("Kafka controller", config.kafkaControllerPort());
        List<String> taken = ports.entrySet().stream()
                .filter(e -> e.getValue() != 0 && LoopbackPort.inUse(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports already in use on 127.0.0.1: " + String.join(", ", taken)
                    + ". Stop what holds them, or choose others (./huixun help lists the port options, "
                    + "--free-ports picks free ones)");
        }
    }

    private void writeRunningStack(boolean ready) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka", kafka.pid());
        services.forEach((name, process) -> pids.put(name, process.pid()));
        wroteRunningStack = true;
        new RunningStack(ProcessHandle.current().pid(), ready, urlIfLaunched("fetch"), urlIfLaunched("normalise"),
                urlIfLaunched("classify"), urlIfLaunched("publish"), site.baseUrl(), kafkaBootstrap(),
                postgres.jdbcUrl(), postgres.username(), postgres.password(), config.dataDir(), config.logsDir(), pids)
                .write();
    }

    /** Adds a started part to what {@link #close()} stops; when closing has begun already, stops it at once. */
    private <T extends AutoCloseable> T register(T part) {
        started.add(part);
        if (closing) {
            close();
            throw new IllegalStateException("The stack is stopping");
        }
        return part;
    }

    private <T> Supplier<T> timed(String name, Supplier<T> step) {
        return () -> {
            long begin = System.nanoTime();
            T result = step.get();
            timings.put(name, since(begin));
            return result;
        };
    }

    private static Duration since(long begin) {
        return Duration.ofNanos(System.nanoTime() - begin);
    }
}
