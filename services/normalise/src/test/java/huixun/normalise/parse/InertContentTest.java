package huixun.normalise.parse;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.extract.SamplePage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InertContentTest {
    private static final Path BAD_INPUT = Path.of("../e2e/src/test/resources/bad-input/pages");
    /** The extraction benchmark's pages, beside the repository in CI ({@code ../shared/bench}); absent in a clone. */
    private static final Path BENCH = Path.of("../../../shared/bench");

    @Test
    void findsTheContentsOfStylesheetsAndExecutableScripts() {
        String page = "<style>p{}</style><script>go()</script><script type=\"application/ld+json\">{}</script>"
                + "<script type=module>m()</script><script type=\"text/template\"><p>t</p></script>";
        assertEquals(List.of("p{}", "go()", "m()"), contents(page, InertContent.ranges(page)));
    }

    @Test
    void stopsWhereItDoesNotFollowTheParser() {
        String select = "<style>a</style><select><style>b</style>";
        assertEquals(List.of("a"), contents(select, InertContent.ranges(select)));
        assertArrayEquals(new int[0], InertContent.ranges("<script><!-- x --></script><style>b</style>"));
        assertArrayEquals(new int[0], InertContent.ranges("<svg><p>x</p></svg><style>b</style>"));
        assertArrayEquals(new int[0], InertContent.ranges("<div title=\"x><style>b</style>"));
    }

    /** Pages where following the parser takes care: each must parse as the whole page does, but for those contents. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<script>if (a<b) x();</script><p>t</p><style>s</style>",
        "<script>document.write(\"</scr\"+\"ipt>\")</script><p>x</p>",
        "<script><!-- document.write(\"<script>x</script>\") --></script><p>after</p><script>z</script>",
        "<title><script>x</script></title><p>y</p><script>z</script>",
        "<textarea><style>q</style></textarea><script>a</script>",
        "<div title=\"<script>\">x</div><script>y</script>",
        "<div a\"b='>'>x</div><script>y</script>",
        "<div =\"x>\" y>z</div><script>w</script>",
        "<div b/=\"x>\" c>z</div><script>w</script>",
        "<a href=a?b=\"c d>\"x</a><script>y</script>",
        "<!-- <script>x</script> --><p>a</p><script>b</script>",
        "<!--><script>a</script>", "<!---><script>a</script>", "<!-- a --!><script>b</script>",
        "<!-- a --!-><script>b</script>--><script>c</script>",
        "<svg><script>a<b</script><style>c</style></svg><style>d</style>",
        "<svg><title>t</title><desc><b>x</b></desc></svg><script>z</script>",
        "<svg><script/>a<b>c</script></svg><script>d</script>",
        "<svg><g><path></g><style>a</style></svg><style>b</style>",
        "<div><svg></div><style>a</style>",
        "<script/>a<b>c</b><style>s</style></script><style>t</style>",
        "<textarea/>a<style>s</style><script>j</script></textarea><style>t</style>",
        "<body><p><title/>a<script>j</script></title><style>t</style>",
        "<SCRIPT>x</SCRIPT ><STYLE type=text/css>y</style >",
        "<p>x</p><script>a</script", "<p>x</p><style>a",
        "<noscript><style>a</style><script>b</script></noscript><p>c</p>",
        "<noscript><script/><b>c</b></noscript><style>s</style>", "<noscript><svg><style>a</style></svg></noscript>",
        "<table><tr><td><style>x</style></td></tr><script>y</script></table>",
        "<math><script>x</script></math><script>y</script>",
        "<!DOCTYPE html><?xml x?><script>a</script>",
        "<p></p foo=\"<script>\">x<script>y</script>",
        "<script>a</scriptx></script><p>b</p>", "<style>a</style\n>b<style>c</style/>d",
        "<template><script>a</script><style>b</style></template>",
        "<script>x</script><!--[if IE]><script>y</script><![endif]--><script>z</script>",
        "<![CDATA[<script>x</script>]]><script>y</script>",
        "<script type=\"text/javascript; charset=utf-8\">a</script><script type=\"text/babel\">b</script>",
        "<script>\u017Fcript</script><script>x</\u017Fcript></script><p>y</p>",
        "<a <script>b</script>", "<p><</p><script>a</script><p>&lt;<</p>",
        "<script>a</script\t><script>b</script/><script>c</script x=\">\">d<script>e</script>",
    })
    void parsesAsTheWholePageButForTheInertContents(String page) {
        assertEquals(withoutInertContents(Parser.htmlParser().parseInput(page, "")),
                withoutInertContents(PageParser.parse(page, "", ExtractionBudget.unlimited())));
    }

    @Test
    void theSampleAndBadInputPagesParseAsWhole() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Stream.concat(Files.walk(SamplePage.SITE), Files.walk(BAD_INPUT))) {
            pages = files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
        assertFalse(pages.isEmpty());
        assertParseAsWhole(pages);
    }

    /** The 75 pages of the extraction benchmark, real news pages of many sites; skipped without the benchmark. */
    @Test
    void theBenchmarkPagesParseAsWhole() throws IOException {
        assumeTrue(Files.isDirectory(BENCH), "benchmark absent: " + BENCH.toAbsolutePath().normalize());
        List<Path> pages;
        try (Stream<Path> files = Files.walk(BENCH)) {
            pages = files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
        assertParseAsWhole(pages);
    }

    /** Pages strung together from pieces that change how the parser reads what follows them. */
    @Test
    void generatedPagesParseAsWhole() {
        List<String> pieces = List.of("<script>", "</script>", "<style>", "</style>", "<SCRIPT>", "</SCRIPT >",
                "<script type=\"application/ld+json\">", "<script type=module>", "<script/>", "<style/>",
                "<script src=a/>", "</style\n>", "</script\t>", "</scr", "ipt>", "<scriptx>", "</scriptx>",
                "<!--", "-->", "--!>", "<!-->", "<!--->", "<!-- <script> -->", "<![CDATA[", "]]>", "<?x ?>",
                "<!DOCTYPE html>", "</>", "</ br>", "<", ">", "\"", "'", "=", "/", "a<b", "if (a < b) {}", "text", " ",
                "<p>", "</p>", "<b>", "</b>", "<br>", "<div class=\"a\">", "</div>", "<div title=\"<script>\">",
                "<div a='>'>", "<div =\"x>\" y>", "<a href=x?y=\"z w>\">", "<svg>", "</svg>", "<svg/>", "<g>", "</g>",
                "<path d=\"M0 0\"/>", "<title>", "</title>", "<desc>", "</desc>", "<foreignObject>", "</foreignObject>",
                "<font color=red>", "</font>", "<textarea>", "</textarea>", "<textarea/>", "<iframe>", "</iframe>",
                "<xmp>", "</xmp>", "<noembed>", "</noembed>", "<noframes>", "</noframes>", "<noscript>", "</noscript>",
                "<noscript/>", "<select>", "</select>", "<math>", "<table>", "<tr>", "<td>", "</table>", "<template>",
                "</template>", "<head>", "</head>", "<body>", "</body>", "<frameset>", "<plaintext>", "&lt;", "\r\n");
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder page = new StringBuilder();
            for (int piece = 2 + random.nextInt(14); piece > 0; piece--) {
                page.append(pieces.get(random.nextInt(pieces.size())));
            }
            assertEquals(withoutInertContents(Parser.htmlParser().parseInput(page.toString(), "")),
                    withoutInertContents(PageParser.parse(page.toString(), "", ExtractionBudget.unlimited())),
                    page.toString());
        }
    }

    private static void assertParseAsWhole(List<Path> pages) throws IOException {
        for (Path path : pages) {
            // ISO-8859-1 keeps every byte as one char: the markup is what matters here, not the text's charset
            String page = Files.readString(path, StandardCharsets.ISO_8859_1);
            assertEquals(withoutInertContents(Parser.htmlParser().parseInput(page, "")),
                    withoutInertContents(PageParser.parse(page, "", ExtractionBudget.unlimited())), path.toString());
        }
    }

    private static List<String> contents(String page, int[] ranges) {
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            contents.add(page.substring(ranges[i], ranges[i + 1]));
        }
        return contents;
    }

    /**
     * The page as HTML with the contents of its stylesheets and executable scripts emptied, which is all that may
     * differ; written by this test's own reading of "executable", not InertContent's.
     */
    private static String withoutInertContents(Document page) {
        for (Element element : page.getAllElements()) {
            if (!element.tag().namespace().equals(Parser.NamespaceHtml)) {
                continue;
            }
            String type = element.attr("type").strip().toLowerCase(Locale.ROOT);
            boolean executable = type.isEmpty() || type.equals("module") || type.contains("javascript");
            if (element.nameIs("style") || element.nameIs("script") && executable) {
                element.empty();
            }
        }
        page.outputSettings().prettyPrint(false);
        return page.outerHtml();
    }
}
