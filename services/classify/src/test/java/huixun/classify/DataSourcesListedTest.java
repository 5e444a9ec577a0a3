package huixun.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every data file the service ships (gazetteer, model, topic tables) has its row in docs/data-sources.md. */
class DataSourcesListedTest {
    private static final List<String> DATA_FOLDERS = List.of("gazetteer", "keywords", "model", "topic");

    @Test
    void everyDataFileIsListed() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path resources = module.resolve("src/main/resources");
        String sources = Files.readString(module.resolve("../../docs/data-sources.md").normalize());
        List<String> missing;
        try (Stream<Path> files = Files.walk(resources)) {
            missing = files.filter(Files::isRegularFile)
                    .filter(f -> DATA_FOLDERS.contains(resources.relativize(f).getName(0).toString()))
                    .filter(f -> !f.getFileName().toString().equals("SOURCE.md"))
                    .map(f -> "services/classify/src/main/resources/" + resources.relativize(f))
                    .filter(path -> !sources.contains("`" + path + "`"))
                    .toList();
        }
        assertEquals(List.of(), missing, "data files without a row in docs/data-sources.md");
    }
}
