package huixun.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A native image carries only the resources it is told to: every data file a service reads through the class loader
 * (rules, dictionaries, models) must match quarkus.native.resources.includes. Extensions register their own: Flyway
 * the migrations of quarkus.flyway.locations, Qute its templates/, the HTTP server META-INF/resources/ (static
 * files); SOURCE.md files are documentation.
 */
class NativeResourcesTest {
    @ParameterizedTest
    @ValueSource(strings = {"fetch", "normalise", "classify", "publish"})
    void everyDataFileIsIncludedInTheNativeImage(String service) throws IOException {
        Path resources = SourceTree.service(service).resolve("src/main/resources");
        String includes = SourceTree.defaultConfig(service).getOrDefault("quarkus.native.resources.includes", "");
        List<PathMatcher> included = Stream.of(includes.split(",")).map(String::strip).filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        String migrations = SourceTree.defaultConfig(service).getOrDefault("quarkus.flyway.locations", "db/migration");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).map(resources::relativize).toList()) {
                String name = file.toString().replace('\\', '/');
                if (name.equals("application.properties") || file.getFileName().toString().equals("SOURCE.md")
                        || name.startsWith(migrations + "/") || name.startsWith("templates/")
                        || name.startsWith("META-INF/")) {
                    continue;
                }
                assertTrue(included.stream().anyMatch(matcher -> matcher.matches(file)),
                        service + ": " + name + " is not in quarkus.native.resources.includes (" + includes + ")");
            }
        }
    }
}
