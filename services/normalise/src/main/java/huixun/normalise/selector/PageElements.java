package huixun.normalise.selector;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's elements in document order, as {@link SelectorSet#index} found them, with the selectors each matches.
 * Selecting reads the noted bits and evaluates only the groups that look beyond the element ({@code :has}) then, on
 * the page as it is at that moment. Removing elements from the page does not change the list: callers skip the
 * elements they removed.
 */
public final class PageElements {
    private final SelectorSet set;
    private final Element root;
    private final List<Element> elements;
    private final long[] matched;

    PageElements(SelectorSet set, Element root, List<Element> elements, long[] matched) {
        this.set = set;
        this.root = root;
        this.elements = elements;
        this.matched = matched;
    }

    /** Every element, in document order. */
    public List<Element> elements() {
        return elements;
    }

    /** The elements matching {@code selector}, in document order. */
    public List<Element> select(RuleSelector selector) {
        return select(selector, 0, elements.size());
    }

    /** The elements matching {@code selector} among {@code elements().subList(from, to)}, in document order. */
    public List<Element> select(RuleSelector selector, int from, int to) {
        List<Element> found = new ArrayList<>();
        int bit = set.bit(selector);
        if (bit < 0) {
            for (Element element : elements.subList(from, to)) {
                if (selector.matches(root, element)) {
                    found.add(element);
                }
            }
            return found;
        }
        long mask = 1L << bit;
        List<Evaluator> structural = selector.structural();
        for (int i = from; i < to; i++) {
            if ((matched[i] & mask) != 0 || !structural.isEmpty() && anyMatches(structural, elements.get(i))) {
                found.add(elements.get(i));
            }
        }
        return found;
    }

    /** The first element matching {@code selector}, or null. */
    public Element selectFirst(RuleSelector selector) {
        List<Element> found = select(selector);
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean anyMatches(List<Evaluator> evaluators, Element element) {
        for (Evaluator evaluator : evaluators) {
            if (evaluator.matches(root, element)) {
                return true;
            }
        }
        return false;
    }
}
