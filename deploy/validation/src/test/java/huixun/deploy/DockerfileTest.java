package huixun.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images cannot be built here (no container engine), so the Dockerfiles are checked against what the build
 * produces: every COPY source of Dockerfile.jvm exists after {@code package} (the reactor builds the services
 * before this module), the native one copies the runner the native build names, and both run as non-root on a
 * pinned base and expose the application's port.
 */
class DockerfileTest {
    private static final String VERSION = System.getProperty("huixun.version", "0.1.0-SNAPSHOT");

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "normalise", "classify", "publish"})
    void jvmImageCopiesWhatPackageBuilt(String service) {
        Path module = SourceTree.service(service);
        Path app = module.resolve("target/quarkus-app");
        assertTrue(Files.isDirectory(app), "*** " + app + " is missing: package services/" + service
                + " first (the full build does: deploy/validation comes after the services in the reactor) ***");
        List<Instruction> instructions = read(module.resolve("src/main/docker/Dockerfile.jvm"));
        List<String> sources = copySources(instructions);
        assertEquals(4, sources.size(), "lib, the runner jar, app and quarkus");
        for (String source : sources) {
            assertTrue(source.startsWith("target/quarkus-app/"), source);
            assertFalse(matches(module, source).isEmpty(), service + ": COPY " + source + " matches nothing");
        }
        assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), "JAVA_APP_JAR names quarkus-run.jar");
        assertCommon(service, instructions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fetch", "normalise", "classify", "publish"})
    void nativeImageCopiesTheRunner(String service) {
        Path module = SourceTree.service(service);
        List<Instruction> instructions = read(module.resolve("src/main/docker/Dockerfile.native-micro"));
        List<String> sources = copySources(instructions);
        assertEquals(1, sources.size());
        PathMatcher runner = FileSystems.getDefault().getPathMatcher("glob:" + sources.get(0));
        assertTrue(runner.matches(Path.of("target/huixun-" + service + "-" + VERSION + "-runner")),
                sources.get(0) + " must match the executable a native build writes");
        assertCommon(service, instructions);
    }

    private static void assertCommon(String service, List<Instruction> instructions) {
        String base = instructions.stream().filter(i -> i.command().equals("FROM")).findFirst().orElseThrow()
                .arguments();
        String tag = base.substring(base.lastIndexOf(':') + 1);
        assertTrue(base.lastIndexOf(':') > base.lastIndexOf('/') && !tag.equals("latest"), "pinned base " + base);
        String user = instructions.stream().filter(i -> i.command().equals("USER")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(service + ": no USER")).arguments();
        assertTrue(user.matches("[1-9][0-9]*"), service + ": runs as numeric non-root user, not " + user);
        assertEquals(String.valueOf(SourceTree.httpPort(service)), instructions.stream()
                .filter(i -> i.command().equals("EXPOSE")).findFirst().orElseThrow().arguments());
    }

    private static List<String> copySources(List<Instruction> instructions) {
        List<String> sources = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.command().equals("COPY")) {
                List<String> words = Stream.of(instruction.arguments().split("\\s+"))
                        .filter(word -> !word.startsWith("--")).toList();
                sources.addAll(words.subList(0, words.size() - 1));
            }
        }
        return sources;
    }

    private static List<Path> matches(Path module, String source) {
        String pattern = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(module.resolve("target"), 3)) {
            return files.filter(path -> matcher.matches(module.relativize(path))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<Instruction> read(Path dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String[] parts = current.toString().strip().split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
                current.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instructions;
    }

    private record Instruction(String command, String arguments) {
    }
}
