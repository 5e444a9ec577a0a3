package huixun.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import huixun.stack.demo.Demo;
import huixun.stack.kafka.KafkaBroker;
import huixun.stack.process.Jvm;
import huixun.stack.service.ServiceProcess;
import huixun.stack.site.SampleSite;

/**
 * Command line of the local stack, run by the {@code ./huixun} script: {@code up}, {@code demo}, {@code help}.
 * Every option can also come from an environment variable: {@code --fetch-port} is {@code HUIXUN_FETCH_PORT}.
 */
public final class StackMain {
    /** Set by the script; the current directory otherwise. */
    public static final String REPO_PROPERTY = "huixun.repo";

    private static final Map<String, String> OPTIONS = options();
    private static final List<String> FLAGS = List.of("--no-demo", "--free-ports", "--sequential");

    private final PrintStream out;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Boolean> flags = new LinkedHashMap<>();

    private StackMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        // One line per record; must be set before the first logger is created.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        StackMain cli = new StackMain(System.out);
        String command = args.length == 0 ? "help" : args[0];
        try {
            cli.parse(List.of(args).subList(Math.min(1, args.length), args.length));
            int exit = switch (command) {
                case "up" -> cli.up();
                case "demo" -> cli.demo();
                case "help", "-h", "--help" -> cli.help();
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            System.exit(exit);
        } catch (IllegalArgumentException e) {
            System.err.println("huixun: " + e.getMessage() + " (see ./huixun help)");
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        } catch (RuntimeException e) {
            System.err.println("huixun: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data-dir", "where the stack keeps its data and logs (default <repo>/.huixun)");
        options.put("--fetch-port", "HTTP port of fetch (default " + StackConfig.FETCH_PORT + ")");
        options.put("--normalise-port", "HTTP port of normalise (default " + StackConfig.NORMALISE_PORT + ")");
        options.put("--classify-port", "HTTP port of classify (default " + StackConfig.CLASSIFY_PORT + ")");
        options.put("--publish-port", "HTTP port of publish (default " + StackConfig.PUBLISH_PORT + ")");
        options.put("--site-port", "HTTP port of the sample site (default " + StackConfig.SITE_PORT + ")");
        options.put("--kafka-port", "Kafka client port (default " + StackConfig.KAFKA_PORT + ")");
        options.put("--kafka-controller-port", "KRaft controller port (default "
                + StackConfig.KAFKA_CONTROLLER_PORT + ")");
        options.put("--postgres-port", "PostgreSQL port (default " + StackConfig.POSTGRES_PORT + ")");
        options.put("--jvm-opts", "options of each service JVM (default \""
                + String.join(" ", ServiceProcess.Config.DEFAULT_JVM_OPTIONS) + "\")");
        options.put("--kafka-jvm-opts", "options of the broker JVM (default \""
                + String.join(" ", KafkaBroker.Config.DEFAULT_JVM_OPTIONS) + "\")");
        options.put("--kafka-partitions", "partitions per topic (default " + KafkaBroker.Config.DEFAULT_PARTITIONS
                + ")");
        options.put("--ready-timeout", "seconds each service may take to become ready (default "
                + ServiceProcess.Config.DEFAULT_READY_TIMEOUT.toSeconds() + ")");
        options.put("--demo-timeout", "seconds the demo waits for its articles (default "
                + Demo.DEFAULT_TIMEOUT.toSeconds() + ")");
        return options;
    }

    private void parse(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.contains(arg)) {
                flags.put(arg, true);
            } else if (OPTIONS.containsKey(name)) {
                if (arg.contains("=")) {
                    values.put(name, arg.substring(arg.indexOf('=') + 1));
                } else if (i + 1 < args.size()) {
                    values.put(name, args.get(++i));
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
    }

    /** The option's value from the command line, else from its environment variable. */
    private Optional<String> value(String option) {
        String given = values.get(option);
        if (given != null) {
            return Optional.of(given);
        }
        String env = System.getenv("HUIXUN_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    private boolean flag(String flag) {
        if (flags.getOrDefault(flag, false)) {
            return true;
        }
        String env = System.getenv("HUIXUN_" + flag.substring(2).replace('-', '_').toUpperCase(Locale.ROOT));
        return env != null && (env.equals("1") || env.equalsIgnoreCase("true"));
    }

    private int intValue(String option, int fallback) {
        return value(option).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " wants a number, not " + v);
            }
        }).orElse(fallback);
    }

    private Path repo() {
        return Path.of(System.getProperty(REPO_PROPERTY, "")).toAbsolutePath().normalize();
    }

    private Path dataDir() {
        return value("--data-dir").map(Path::of).orElse(repo().resolve(StackConfig.DATA_DIR_NAME))
                .toAbsolutePath().normalize();
    }

    private StackConfig config() {
        StackConfig defaults = StackConfig.defaults(repo());
        if (flag("--free-ports")) {
            defaults = defaults.withFreePorts();
        }
        return new StackConfig(repo(), dataDir(),
                intValue("--fetch-port", defaults.fetchPort()),
                intValue("--normalise-port", defaults.normalisePort()),
                intValue("--classify-port", defaults.classifyPort()),
                intValue("--publish-port", defaults.publishPort()),
                intValue("--site-port", defaults.sitePort()),
                intValue("--kafka-port", defaults.kafkaPort()),
                intValue("--kafka-controller-port", defaults.kafkaControllerPort()),
                intValue("--postgres-port", defaults.postgresPort()),
                value("--jvm-opts").map(Jvm::options).orElse(defaults.serviceJvmOptions()),
                value("--kafka-jvm-opts").map(Jvm::options).orElse(defaults.kafkaJvmOptions()),
                intValue("--kafka-partitions", defaults.kafkaPartitions()),
                Duration.ofSeconds(intValue("--ready-timeout", (int) defaults.readyTimeout().toSeconds())),
                !flag("--sequential"), Map.of());
    }

    private int up() throws InterruptedException {
        StackConfig config = config();
        Stack stack = new Stack(config);
        Thread stopper = new Thread(() -> {
            // Logging may already be shut down by its own hook: print directly.
            out.println("huixun: stopping…");
            long begin = System.nanoTime();
            try {
                stack.close();
            } catch (RuntimeException e) {
                out.println("huixun: stopping failed in part: " + e.getMessage());
            }
            out.println("huixun: stopped in " + seconds(Duration.ofNanos(System.nanoTime() - begin)));
        }, "huixun-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("huixun: starting from " + config.repoDir() + " (data in " + config.dataDir() + ")");
        try {
            stack.start();
        } catch (RuntimeException e) {
            // start() has stopped what it started; the hook would only announce a stop that already happened.
            Runtime.getRuntime().removeShutdownHook(stopper);
            throw e;
        }
        printTable(stack);
        if (!flag("--no-demo")) {
            boolean published = demo(stack.fetchUrl(), stack.publishUrl(), stack.sampleSite().baseUrl(), config);
            if (!published) {
                out.println("huixun: the demo did not publish every page; the logs are in " + config.logsDir());
            }
        }
        out.println("huixun: up; press Ctrl-C to stop everything");
        // Runs until SIGINT/SIGTERM, whose shutdown hook stops the stack.
        new CountDownLatch(1).await();
        return 0;
    }

    private int demo() throws InterruptedException {
        Path dataDir = dataDir();
        RunningStack running = RunningStack.read(dataDir).filter(RunningStack::launcherAlive)
                .orElseThrow(() -> new IllegalStateException("no running stack recorded in "
                        + RunningStack.file(dataDir) + ": start one with ./huixun up"));
        if (!running.ready()) {
            throw new IllegalStateException("the stack in " + dataDir + " is still starting; try again when ./huixun up "
                    + "prints its URLs");
        }
        StackConfig config = StackConfig.defaults(repo()).withDataDir(dataDir);
        return demo(running.fetchUrl(), running.publishUrl(), running.siteUrl(), config) ? 0 : 1;
    }

    private boolean demo(String fetchUrl, String publishUrl, String siteUrl, StackConfig config)
            throws InterruptedException {
        Duration timeout = Duration.ofSeconds(intValue("--demo-timeout", (int) Demo.DEFAULT_TIMEOUT.toSeconds()));
        out.println();
        out.println("Demo: submitting every page of " + config.siteDir().resolve(SampleSite.INDEX));
        return new Demo(fetchUrl, publishUrl, siteUrl, out, timeout).run(SampleSite.readIndex(config.siteDir()));
    }

    private void printTable(Stack stack) {
        StackConfig config = stack.config();
        Map<String, Duration> timings = stack.timings();
        String row = "  %-12s %s%n";
        out.println();
        out.printf("Huixun is up in %s%n", seconds(timings.get("total")));
        out.printf(row, "fetch API", stack.fetchUrl() + "/api/v1/submissions");
        out.printf(row, "publish API", stack.publishUrl() + "/api/v1/articles");
        for (ServiceProcess service : stack.services()) {
            out.printf("  %-12s %-24s health %s/q/health  metrics %s/q/metrics  OpenAPI %s/q/openapi  (%s)%n",
                    service.name(), service.url(), service.url(), service.url(), service.url(),
                    seconds(timings.get(service.name())));
        }
        out.printf(row, "sample site", stack.sampleSite().baseUrl() + "/  (" + stack.sampleSite().pages().size()
                + " pages)");
        out.printf(row, "Kafka", stack.kafkaBootstrap() + "  (" + seconds(timings.get("kafka")) + ")");
        out.printf(row, "PostgreSQL", stack.postgres().jdbcUrl() + "  user " + stack.postgres().username()
                + " password " + stack.postgres().password() + "  (" + seconds(timings.get("postgres")) + ")");
        out.printf(row, "data dir", config.dataDir());
        out.printf(row, "logs", config.logsDir() + "  (PostgreSQL: " + stack.postgres().logFile() + ")");
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private int help() {
        out.println("""
                Huixun local stack: PostgreSQL, Kafka, the sample site and the four services on 127.0.0.1.

                usage: ./huixun <command> [options]

                commands:
                  up [--build]   build what is missing (everything with --build), start the stack, print its URLs,
                                 run the demo, stay up until Ctrl-C, then stop everything it started
                  demo           submit every sample page to the running stack and wait until each is published
                  test           run every test (./mvnw -B verify)
                  help           this text

                options (also as environment variables: --fetch-port N is HUIXUN_FETCH_PORT=N):""");
        OPTIONS.forEach((name, text) -> out.printf("  %-26s %s%n", name + " " + placeholder(name), text));
        out.printf("  %-26s %s%n", "--free-ports", "choose every port free (a second stack beside the first)");
        out.printf("  %-26s %s%n", "--sequential", "start the services one after another");
        out.printf("  %-26s %s%n", "--no-demo", "up: do not run the demo");
        return 0;
    }

    private static String placeholder(String option) {
        if (option.endsWith("-dir")) {
            return "DIR";
        }
        return option.endsWith("-opts") ? "\"OPTS\"" : "N";
    }
}
