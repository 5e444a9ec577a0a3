package huixun.normalise.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden test per seed page of the sample site: the exact title, publication time, author, language, script,
 * editor, original title and source ({@code golden/<case>.json}) and the exact cleaned body text
 * ({@code golden/<case>.txt}), both read by a reviewer. A change of the extractor that changes them fails here; if
 * the change is intended, regenerate with
 * {@code mvn -B install -pl services/normalise -Dtest=GoldenPageTest -Dgolden.update=true}, read the diff, and say
 * so in the change.
 */
class GoldenPageTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static ArticleExtractor extractor;

    @BeforeAll
    static void loadRules() throws InvalidRulesException {
        extractor = new ArticleExtractor(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE),
                2_000_000, 50);
    }

    static List<SamplePage> samplePages() {
        return SamplePage.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void seedPageMatchesItsGoldenFiles(SamplePage page) throws IOException {
        Extraction.Article article = (Extraction.Article) extractor.extract(page.html(), page.url());
        String name = page.path().substring(0, page.path().indexOf('/')) + "-"
                + page.path().substring(page.path().lastIndexOf('/') + 1).replace(".html", "");
        Path fields = GOLDEN.resolve(name + ".json");
        Path text = GOLDEN.resolve(name + ".txt");
        String actualFields = JSON.writeValueAsString(fields(article)) + "\n";
        String actualText = article.text() + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(fields, actualFields, StandardCharsets.UTF_8);
            Files.writeString(text, actualText, StandardCharsets.UTF_8);
        }
        assertAll(
                () -> assertEquals(Files.readString(fields, StandardCharsets.UTF_8), actualFields, "fields"),
                () -> assertEquals(Files.readString(text, StandardCharsets.UTF_8), actualText, "text"));
    }

    private static Map<String, Object> fields(Extraction.Article article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", article.title());
        fields.put("publishedAt", article.publishedAt() == null ? null : article.publishedAt().toString());
        fields.put("author", article.author());
        fields.put("language", article.language());
        fields.put("script", article.script());
        fields.put("editor", article.editor());
        fields.put("originalTitle", article.originalTitle());
        fields.put("sourceName", article.sourceName());
        return fields;
    }
}
