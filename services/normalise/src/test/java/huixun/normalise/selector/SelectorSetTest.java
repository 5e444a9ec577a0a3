package huixun.normalise.selector;

import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import huixun.normalise.extract.SamplePage;
import huixun.normalise.text.TextWeight;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectorSetTest {
    static List<SamplePage> samplePages() {
        return SamplePage.all();
    }

    /** The one-walk index selects exactly what jsoup's evaluator of each whole selector selects. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void indexSelectsWhatJsoupSelects(SamplePage page) throws InvalidRulesException {
        BoilerplateRules rules = BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE);
        Document document = Jsoup.parse(page.html());
        PageElements elements = new SelectorSet(rules.selectors()).index(document);
        for (RuleSelector selector : rules.selectors()) {
            List<Element> expected = document.getAllElements().stream()
                    .filter(element -> selector.matches(document, element)).toList();
            assertEquals(expected, elements.select(selector), selector.toString());
        }
    }

    /** Removing elements through the index keeps every count equal to a count over the page as it is now. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void countsFollowRemovals(SamplePage page) {
        Document document = Jsoup.parse(page.html());
        PageElements elements = new SelectorSet(List.of()).index(document);
        int size = elements.elements().size();
        for (int i = size - 1; i > 0; i -= 7) { // descendants before their ancestors
            elements.remove(i);
        }
        for (int i = 1; i < size; i += 11) { // and ancestors before their descendants
            if (!elements.isRemoved(i)) {
                elements.remove(i);
            }
        }
        for (int i = 0; i < size; i++) {
            Element element = elements.elements().get(i);
            assertEquals(element.root() != document, elements.isRemoved(i), element.cssSelector());
            if (elements.isRemoved(i)) {
                continue;
            }
            int[] counts = new int[3];
            element.traverse((node, depth) -> {
                if (node instanceof TextNode text) {
                    TextWeight.measure(text.getWholeText(), counts);
                }
            });
            assertEquals(TextWeight.letters(element), elements.letters(i));
            assertEquals(List.of(counts[0], counts[1], counts[2]),
                    List.of(elements.letters(i), elements.cjk(i), elements.latin(i)));
            assertEquals(element.textNodes().stream().mapToInt(text -> TextWeight.letters(text.getWholeText())).sum(),
                    elements.ownLetters(i));
        }
    }

    @Test
    void everyKindOfGroupMatchesAsJsoupDoes() {
        List<RuleSelector> selectors = List.of(
                RuleSelector.parse("nav, [class~=(?i)(^|[\\s_-])(comments?|pl)($|[\\s_-])]"),
                RuleSelector.parse("[id~=(?i)^keywords?$], meta[property=og:title], [hidden]"),
                RuleSelector.parse("[class~=side][id~=bar], [^data-], div > p, :has(> p:first-child:matches(^声明$))"));
        Document document = Jsoup.parse("<nav>a</nav><div class=\"bottom_Comment_box\" id=\"Keywords\">b</div>"
                + "<div class=\"plus\">c</div><div class=\"x pl\" hidden>d</div>"
                + "<meta property=\"og:title\" content=\"t\">"
                + "<div class=\"side\" id=\"bar\"><p>声明</p><p>e</p></div><span data-x=\"1\">f</span>");
        PageElements elements = new SelectorSet(selectors).index(document);
        for (RuleSelector selector : selectors) {
            List<Element> expected = document.getAllElements().stream()
                    .filter(element -> selector.matches(document, element)).toList();
            assertEquals(expected, elements.select(selector), selector.toString());
        }
    }

    @Test
    void selectorsBeyondSixtyFourAreEvaluatedDirectly() {
        List<RuleSelector> selectors = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            selectors.add(RuleSelector.parse("[class~=c" + i + "$]"));
        }
        Document document = Jsoup.parse("<div class=\"c3\"></div><div class=\"c69\"></div>");
        PageElements elements = new SelectorSet(selectors).index(document);
        assertEquals("c3", elements.selectFirst(selectors.get(3)).className());
        assertEquals("c69", elements.selectFirst(selectors.get(69)).className());
    }

    /**
     * {@link WordPatterns} decides literal alternatives itself and filters the rest by their beginnings: every value
     * must get the bits the regexes give, whatever its case, separators and line terminators.
     */
    @Test
    void wordPatternsFindWhatTheirRegexesFind() {
        List<String> regexes = List.of(
                "(?i)(^|[\\s_-])(nav|navbar|top-bar|ad|comments?|qr-?code\\w*|app-(promo|box)|hot-?news)($|[\\s_-])",
                "(?i)(^|\\s)(header|head|site-footer)(\\s|$)",
                "(?i)^(header|top_?nav|side)$",
                "(^|[\\s_-])(share|print)($|[\\s_-])",
                "(?i)^keywords?$",
                "(^|\\s)([a-z]+|nav)(\\s|$)");
        WordPatterns patterns = new WordPatterns();
        List<Pattern> compiled = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            compiled.add(Pattern.compile(regexes.get(i)));
            patterns.add(compiled.get(i), 1L << i);
        }
        List<String> names = List.of("nav", "NAV", "Nav", "navbar", "navx", "xnav", "top-bar", "top", "bar", "ad",
                "AD", "ads", "comment", "comments", "commentsx", "qrcode", "qr-code-box", "app-promo", "app-", "hotnews",
                "hot-news", "header", "head", "HEAD", "site-footer", "footer", "top_nav", "topnav", "side", "share",
                "SHARE", "print", "keyword", "keywords", "\u212Aeyword", "x", "", "ñav");
        List<String> separators = List.of(" ", "_", "-", "\t", "\n", "\r\n", "\u2028", "\u0085", "\u00a0", "__", " - ");
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int part = 0; part < parts; part++) {
                if (part > 0 || random.nextInt(4) == 0) {
                    value.append(separators.get(random.nextInt(separators.size())));
                }
                value.append(names.get(random.nextInt(names.size())));
            }
            if (random.nextInt(4) == 0) {
                value.append(separators.get(random.nextInt(separators.size())));
            }
            String text = value.toString();
            long expected = 0;
            for (int k = 0; k < compiled.size(); k++) {
                expected |= compiled.get(k).matcher(text).find() ? 1L << k : 0;
            }
            assertEquals(expected, patterns.found(text), text);
        }
    }
}
