package huixun.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory that is removed, with everything in it, when closed: throw-away stacks and test databases. */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new directory in the system's temporary directory, named {@code <prefix><random>}. */
    public static ScratchDirectory create(String prefix) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory", e);
        }
    }

    /** A new directory inside {@code parent}. */
    public static ScratchDirectory createIn(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return new ScratchDirectory(Files.createTempDirectory(parent.toAbsolutePath(), prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory in " + parent, e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        deleteTree(path);
    }

    /** Removes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root, e);
        }
    }
}
