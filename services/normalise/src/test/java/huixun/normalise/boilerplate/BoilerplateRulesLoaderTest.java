package huixun.normalise.boilerplate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateRulesLoaderTest {
    private static final String METADATA = """
            metadata:
              title-meta: {why: w, selector: 'meta[property=og:title]', example: '<meta property="og:title">'}
              headline: {why: w, selector: h1, example: '<h1>t</h1>'}
              site-name: {why: w, selector: 'meta[name=site]', example: '<meta name="site">'}
              title-separator: {why: w, pattern: '\\s+-\\s+', example: 't - s'}
              published-meta: {why: w, selector: 'meta[name=pubdate]', example: '<meta name="pubdate">'}
              published-json-ld: {why: w, selector: 'script[type=application/ld+json]',
                                  example: '<script type="application/ld+json">{}</script>'}
              published-time-element: {why: w, selector: 'time[datetime]', example: '<time datetime="">x</time>'}
              published-text: {why: w, selector: '.date', example: '<span class="date">2021-01-01</span>'}
              author-meta: {why: w, selector: 'meta[name=author]', example: '<meta name="author">'}
              author-byline: {why: w, selector: '.author', example: '<span class="author">a</span>'}
              author-label: {why: w, pattern: '^作者[:：]', example: '作者：a'}
              updated-meta: {why: w, selector: 'meta[name=lastmod]', example: '<meta name="lastmod">'}
              updated-time-element: {why: w, selector: 'time[itemprop=dateModified]',
                                     example: '<time itemprop="dateModified">x</time>'}
              canonical: {why: w, selector: 'link[rel=canonical]', example: '<link rel="canonical">'}
              lead-image: {why: w, selector: 'meta[property=og:image]', example: '<meta property="og:image">'}
              description: {why: w, selector: 'meta[name=description]', example: '<meta name="description">'}
              breadcrumb: {why: w, selector: '.breadcrumb', example: '<div class="breadcrumb">a</div>'}
              breadcrumb-home: {why: w, pattern: '^首页$', example: '首页'}
              section: {why: w, selector: 'meta[name=section]', example: '<meta name="section">'}
            structure:
              post-title: {why: w, selector: 'h2', example: '<h2>t</h2>'}
              caption: {why: w, selector: '.caption', example: '<p class="caption">c</p>'}
            """;
    private static final String VALID_RULES = """
            version: 1
            remove:
              - {id: comments, why: w, selector: '.comment', example: '<div class="comment">c</div>'}
            lines:
              - {id: editor, why: w, pattern: '责任编辑：\\S+', example: '责任编辑：张三', keeps: '编辑部表示。'}
            """;

    @Test
    void shippedRulesLoad() throws InvalidRulesException {
        BoilerplateRules rules = BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE);
        assertFalse(rules.removals().isEmpty());
        assertFalse(rules.lines().isEmpty());
    }

    @Test
    void aValidFileLoads() throws InvalidRulesException {
        BoilerplateRules rules = BoilerplateRulesLoader.parse(yaml(VALID_RULES + METADATA), "test.yml");
        assertEquals("comments", rules.removals().get(0).id());
        assertEquals("h1", rules.metadata().headline().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "责任编辑：张亚楠", "（责任编辑：陈晓）", "編輯:王文婧", "責(zé)編:許欽", "审核：朱静",
        "原标题：江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实", "原標(biāo)題:",
        "江蘇:堅定決心堅定信心 奮力奪取“雙勝利”(原標(biāo)題)"})
    void creditsAndRestatedTitlesAreBoilerplate(String line) throws InvalidRulesException {
        assertTrue(shipped().isBoilerplateLine(line), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "来源：交汇点", "(來源:江西日報)", "記者 黃偉", "编辑部门表示，将于下月公布新的管理办法。",
        "会议审议了原标题为《关于加强防控》的文件，并作出部署。", "会议还研究了其他事项。"})
    void articleLinesAreKept(String line) throws InvalidRulesException {
        assertFalse(shipped().isBoilerplateLine(line), line);
    }

    @Test
    void missingFileIsInvalid() {
        assertThrows(InvalidRulesException.class, () -> BoilerplateRulesLoader.fromClasspath("rules/absent.yml"));
    }

    static Stream<Arguments> brokenFiles() {
        String remove = "remove:\n  - {id: c, why: w, selector: div, example: '<div>c</div>'}\n";
        String lines = "lines:\n  - {id: e, why: w, pattern: '责任编辑：\\S+', example: '责任编辑：张三'}\n";
        return Stream.of(
                Arguments.of("not YAML", "version: [unclosed", "not valid YAML"),
                Arguments.of("unknown version", "version: 2\n" + remove + lines, "version must be 1"),
                Arguments.of("no removal rules", "version: 1\nremove: []\n" + lines,
                        "remove must be a non-empty list"),
                Arguments.of("selector matching nothing in its example", "version: 1\nremove:\n"
                        + "  - {id: c, why: w, selector: '.comments', example: '<div class=\"comment\">c</div>'}\n"
                        + lines, "selector matches nothing in its example"),
                Arguments.of("selector jsoup cannot parse", "version: 1\nremove:\n"
                        + "  - {id: c, why: w, selector: 'div[', example: '<div>c</div>'}\n" + lines,
                        "not a valid selector"),
                Arguments.of("rule without a reason", "version: 1\nremove:\n"
                        + "  - {id: c, selector: div, example: '<div>c</div>'}\n" + lines, "why is missing"),
                Arguments.of("id used twice", "version: 1\n" + remove
                        + "  - {id: c, why: w, selector: p, example: '<p>c</p>'}\n" + lines, "id used twice"),
                Arguments.of("pattern deleting the line it must keep", "version: 1\n" + remove + "lines:\n"
                        + "  - {id: e, why: w, pattern: '编辑.*', example: '编辑：张三', keeps: '编辑部表示。'}\n",
                        "matches the line it must keep"),
                Arguments.of("pattern Java cannot compile", "version: 1\n" + remove + "lines:\n"
                        + "  - {id: e, why: w, pattern: '(编辑', example: '编辑：张三'}\n", "not a valid pattern"),
                Arguments.of("no metadata", "version: 1\n" + remove + lines, "metadata must be a mapping"),
                Arguments.of("no post title", "version: 1\n" + remove + lines
                        + METADATA.substring(0, METADATA.indexOf("structure:")), "structure must be a mapping"),
                Arguments.of("no caption", "version: 1\n" + remove + lines
                        + METADATA.substring(0, METADATA.indexOf("  caption:")), "structure.caption must be a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenRulesAreRejected(String problem, String file, String message) {
        // the cases without metadata or structure bring their own (partial) sections
        String withMetadata = Set.of("no metadata", "no post title", "no caption").contains(problem) ? file : file + METADATA;
        InvalidRulesException e = assertThrows(InvalidRulesException.class,
                () -> BoilerplateRulesLoader.parse(yaml(withMetadata), "broken.yml"));
        assertTrue(e.getMessage().startsWith("broken.yml: ") && e.getMessage().contains(message), e.getMessage());
    }

    private static BoilerplateRules shipped() throws InvalidRulesException {
        return BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE);
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
