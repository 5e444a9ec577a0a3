package huixun.stack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a child's log file, quoted in the error when the child fails to start. */
public final class LogTail {
    private static final int DEFAULT_LINES = 40;

    private LogTail() {
    }

    public static String of(Path file) {
        return of(file, DEFAULT_LINES);
    }

    public static String of(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        try {
            // Lenient decoding: a log may hold bytes in another charset, and a tail is better than an exception.
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return "--- last lines of " + file + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
