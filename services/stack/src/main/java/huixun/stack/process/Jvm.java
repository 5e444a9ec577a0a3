package huixun.stack.process;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** How the stack starts child JVMs: with the Java that runs the stack itself. */
public final class Jvm {
    private Jvm() {
    }

    public static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Splits options given as one string ({@code "-Xmx128m -XX:+UseSerialGC"}) at white space. */
    public static List<String> options(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.strip().split("\\s+")).toList();
    }
}
