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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void nameListPatternsAreFilteredByTheirLiteralBeginnings() {
        assertEquals(List.of("comment", "cmt", "qr", "app-", "hot"), WordPatterns.beginnings(
                "(?i)(^|[\\s_-])(comments?|cmt|qr-?code\\w*|app-(promo|box)|hot-?news)($|[\\s_-])"));
        assertEquals(List.of("header", "top"), WordPatterns.beginnings("(?i)^(header|top_?nav)$"));
        assertNull(WordPatterns.beginnings("(?i)^keywords?$"), "not a list of names: always runs");
        assertNull(WordPatterns.beginnings("(^|\\s)([a-z]+|nav)(\\s|$)"), "an alternative without a literal start");
    }
}
