package huixun.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders an overlay with the kustomize built into kubectl ({@code kubectl kustomize}), the same renderer
 * {@code kubectl apply -k} uses. Without kubectl the overlay checks are skipped with a banner on standard error (a
 * fresh machine has only a JDK, and Debian's kubectl is too old for kustomize v5), unless
 * {@code HUIXUN_REQUIRE_KUBECTL=true}, which CI-like environments set to make a missing kubectl fail the build.
 */
final class Kustomize {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    static List<JsonNode> render(Path directory) {
        String kubectl = kubectl();
        Path output;
        Path errors;
        try {
            output = Files.createTempFile("kustomize", ".yaml");
            errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed:\n"
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            List<JsonNode> objects = new ArrayList<>();
            try (InputStream in = Files.newInputStream(output);
                 MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(in)) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        objects.add(document);
                    }
                }
            }
            Files.delete(output);
            Files.delete(errors);
            return objects;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + kubectl + " kustomize " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }

    /** kubectl from KUBECTL or the PATH; fails loudly with what to do when there is none. */
    private static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String banner = """
                *** kubectl NOT FOUND: the deploy/k8s overlays cannot be rendered, so they are NOT validated. ***
                Install kubectl 1.27 or newer (it carries kustomize v5), put it on the PATH or set KUBECTL to its path,
                and run the build again. See docs/deploy.md, "Validation".""";
        if (Boolean.parseBoolean(System.getenv("HUIXUN_REQUIRE_KUBECTL"))) {
            throw new AssertionError(banner);
        }
        System.err.println(banner);
        return Assumptions.abort(banner);
    }
}
