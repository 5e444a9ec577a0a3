package huixun.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The repository this module checks: where deploy/ and the services are, and what each service configures. */
final class SourceTree {
    static final List<String> SERVICES = List.of("fetch", "normalise", "classify", "publish");

    private SourceTree() {
    }

    static Path root() {
        // Surefire passes the repository root; from an IDE the working directory is this module.
        String root = System.getProperty("huixun.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        return path.toAbsolutePath().normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path service(String name) {
        return root().resolve("services").resolve(name);
    }

    /**
     * A service's application.properties without profile-specific keys: what a container gets unless its
     * environment overrides it.
     */
    static Map<String, String> defaultConfig(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                service(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> config.put(key, properties.getProperty(key)));
        return config;
    }

    static int httpPort(String service) {
        return Integer.parseInt(defaultConfig(service).get("quarkus.http.port"));
    }

    /** Consumed topic -> consumer group, from the service's incoming Kafka channels. */
    static Map<String, String> consumerGroups(String service) {
        Map<String, String> config = defaultConfig(service);
        Map<String, String> groups = new TreeMap<>();
        String prefix = "mp.messaging.incoming.";
        config.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith(".group.id")) {
                String channel = key.substring(prefix.length(), key.length() - ".group.id".length());
                groups.put(config.getOrDefault(prefix + channel + ".topic", channel), value);
            }
        });
        return groups;
    }
}
