package huixun.normalise.selector;

import huixun.normalise.text.TextWeight;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A page's elements in document order, as {@link SelectorSet#index} found them, with the selectors each matches.
 * Selecting reads the noted bits and evaluates only the groups that look beyond the element ({@code :has}) then, on
 * the page as it is at that moment. It also holds the letter counts of each element's text, which stay those of the
 * page as it is when elements are removed through {@link #remove}. Removing does not change the list: callers skip
 * the elements {@link #isRemoved}.
 */
public final class PageElements {
    private final SelectorSet set;
    private final Element root;
    private final List<Element> elements;
    private final long[] matched;
    /** For each selector bit, the indexes of the elements noted with it, ascending ({@code byBitCount} of them). */
    private final int[][] byBit;
    private final int[] byBitCount;
    /**
     * Letters, CJK characters and Latin letters of each element's text ({@code 3i} …), as the page is now: a removal
     * subtracts them from the element's ancestors.
     */
    private final int[] measures;
    /** Letters of each element's own text nodes: text nodes are never removed, only elements. */
    private final int[] ownLetters;
    /** The index of each element's parent; -1 for the root. */
    private final int[] parents;
    /** For each element, the index just after its last descendant. */
    private final int[] ends;
    private final boolean[] removed;

    PageElements(SelectorSet set, Element root, List<Element> elements, long[] matched, int[][] byBit,
                 int[] byBitCount, int[] measures, int[] ownLetters, int[] parents, int[] ends) {
        this.set = set;
        this.root = root;
        this.elements = elements;
        this.matched = matched;
        this.byBit = byBit;
        this.byBitCount = byBitCount;
        this.measures = measures;
        this.ownLetters = ownLetters;
        this.parents = parents;
        this.ends = ends;
        this.removed = new boolean[elements.size()];
    }

    /** Every element, in document order. */
    public List<Element> elements() {
        return elements;
    }

    /** The elements matching {@code selector}, in document order. */
    public List<Element> select(RuleSelector selector) {
        List<Element> found = new ArrayList<>();
        for (int index : indexesOf(selector, 0, elements.size())) {
            found.add(elements.get(index));
        }
        return found;
    }

    /**
     * The indexes of the elements matching {@code selector} among {@code elements().subList(from, to)}, in document
     * order.
     */
    public int[] indexesOf(RuleSelector selector, int from, int to) {
        int bit = set.bit(selector);
        List<Evaluator> structural = selector.structural();
        if (bit >= 0 && structural.isEmpty() && selector.childConditions().isEmpty()) {
            // Own tag and attributes only: the elements noted with the bit, without looking at the others
            int[] noted = byBit[bit];
            if (noted == null) {
                return new int[0];
            }
            int start = Arrays.binarySearch(noted, 0, byBitCount[bit], from);
            start = start < 0 ? -start - 1 : start;
            int end = start;
            while (end < byBitCount[bit] && noted[end] < to) {
                end++;
            }
            return Arrays.copyOfRange(noted, start, end);
        }
        int[] found = new int[16];
        int count = 0;
        long mask = bit < 0 ? 0 : 1L << bit;
        boolean[] parentOfMatch = bit < 0 || selector.childConditions().isEmpty() ? null
                : parentsOfMatches(selector.childConditions(), from, to);
        for (int i = from; i < to; i++) {
            boolean matches = bit < 0 ? selector.matches(root, elements.get(i))
                    : (matched[i] & mask) != 0 || parentOfMatch != null && parentOfMatch[i - from]
                    || !structural.isEmpty() && anyMatches(structural, root, elements.get(i));
            if (matches) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                }
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * For each element of {@code elements().subList(from, to)}, whether a child it still has meets one of the
     * conditions (tested with the element as the root, as jsoup's {@code :has} does). Every element is tested once,
     * as a child of its parent; a removed child has no parent any more.
     */
    private boolean[] parentsOfMatches(List<Evaluator> conditions, int from, int to) {
        boolean[] marked = new boolean[to - from];
        int last = to;
        for (int i = from; i < to; i++) {
            last = Math.max(last, ends[i]);
        }
        for (int i = from + 1; i < last; i++) {
            int parent = parents[i];
            Element child = elements.get(i);
            if (parent >= from && parent < to && !marked[parent - from] && child.parent() != null
                    && anyMatches(conditions, elements.get(parent), child)) {
                marked[parent - from] = true;
            }
        }
        return marked;
    }

    /** The index just after the last descendant of {@code elements().get(index)}: its subtree ends there. */
    public int end(int index) {
        return ends[index];
    }

    /**
     * Letters of the text of {@code elements().get(index)} ({@link TextWeight#letters(Element)}),
     * less those of the descendants {@link #remove}d since the page was indexed.
     */
    public int letters(int index) {
        return measures[3 * index];
    }

    /** Letters of the text nodes of {@code elements().get(index)} itself, without those of its child elements. */
    public int ownLetters(int index) {
        return ownLetters[index];
    }

    /** CJK characters of the text of {@code elements().get(index)} ({@link TextWeight#cjk}), as {@link #letters}. */
    public int cjk(int index) {
        return measures[3 * index + 1];
    }

    /** Latin letters of the text of {@code elements().get(index)} ({@link TextWeight#measure}), as {@link #letters}. */
    public int latin(int index) {
        return measures[3 * index + 2];
    }

    /**
     * Removes {@code elements().get(index)} from the page: its text no longer counts for its ancestors, and it and its
     * descendants are {@link #isRemoved}.
     */
    public void remove(int index) {
        elements.get(index).remove();
        for (int up = parents[index]; up >= 0; up = parents[up]) {
            for (int k = 0; k < 3; k++) {
                measures[3 * up + k] -= measures[3 * index + k];
            }
        }
        Arrays.fill(removed, index, ends[index], true);
    }

    /** True when {@code elements().get(index)} or an ancestor of it was {@link #remove}d. */
    public boolean isRemoved(int index) {
        return removed[index];
    }

    /** The index of the parent of {@code elements().get(index)}, or -1 for the root. */
    public int parent(int index) {
        return parents[index];
    }

    /** The first element matching {@code selector}, or null. */
    public Element selectFirst(RuleSelector selector) {
        List<Element> found = select(selector);
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean anyMatches(List<Evaluator> evaluators, Element root, Element element) {
        for (Evaluator evaluator : evaluators) {
            if (evaluator.matches(root, element)) {
                return true;
            }
        }
        return false;
    }
}
