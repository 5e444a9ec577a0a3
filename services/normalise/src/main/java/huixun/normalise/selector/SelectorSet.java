package huixun.normalise.selector;

import huixun.normalise.text.TextWeight;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The selectors of the rules file, compiled to be matched together: {@link #index} walks a page once and notes, for
 * every element, which selectors its tag and attributes match (a bit each), so that each later {@code select} only
 * reads those bits. A class or id value is tested against the selectors' regexes once per page however many
 * elements carry it (pages repeat their class values over many elements). The first 64
 * selectors are indexed; any further ones are evaluated directly, with the same result.
 */
public final class SelectorSet {
    private final Map<RuleSelector, Integer> bits = new IdentityHashMap<>();
    private final Map<String, Long> tagBits = new HashMap<>();
    private final WordPatterns classPatterns = new WordPatterns();
    private final WordPatterns idPatterns = new WordPatterns();
    private final Map<String, List<Group>> groupsByKey = new HashMap<>();

    /** A tag-and-attribute group of the selector with bit {@code bit}, tried on elements carrying {@code key}. */
    private record Group(long bit, String tag, Evaluator evaluator) {
    }

    public SelectorSet(List<RuleSelector> selectors) {
        for (RuleSelector selector : selectors) {
            if (bits.size() == Long.SIZE || bits.containsKey(selector)) {
                continue;
            }
            int index = bits.size();
            long bit = 1L << index;
            bits.put(selector, index);
            for (String tag : selector.tags()) {
                tagBits.merge(tag, bit, (a, b) -> a | b);
            }
            selector.classPatterns().forEach(pattern -> classPatterns.add(pattern, bit));
            selector.idPatterns().forEach(pattern -> idPatterns.add(pattern, bit));
            for (RuleSelector.AttributeGroup group : selector.attributeGroups()) {
                groupsByKey.computeIfAbsent(group.key(), key -> new ArrayList<>())
                        .add(new Group(bit, group.tag(), group.evaluator()));
            }
        }
    }

    /**
     * The elements of {@code root} (itself included) in document order, with the selectors each one matches and the
     * letters, CJK characters and Latin letters of each one's text ({@link TextWeight#measure}), counted in the same
     * walk: the chrome rules weigh what they remove against the page, the container choice weighs links, and the
     * language falls back on the body's shares of CJK and Latin; a walk for each of them cost more than the indexing.
     */
    public PageElements index(Element root) {
        Walk walk = new Walk(root);
        NodeTraversor.traverse(walk, root);
        return new PageElements(this, root, walk.elements, walk.matched, walk.byBit, walk.byBitCount, walk.measures,
                walk.ownLetters, walk.parents, walk.ends);
    }

    /** The indexing walk: one visit per node, elements noted in document order, letters added up on the way back. */
    private final class Walk implements NodeVisitor {
        private final Element root;
        private final List<Element> elements = new ArrayList<>();
        private long[] matched = new long[256];
        private final int[][] byBit = new int[Long.SIZE][];
        private final int[] byBitCount = new int[Long.SIZE];
        /** Letters, CJK characters and Latin letters of element {@code i}: at 3i, 3i + 1 and 3i + 2. */
        private int[] measures = new int[3 * 256];
        /** Letters of each element's own text nodes, not of its child elements'. */
        private int[] ownLetters = new int[256];
        private int[] parents = new int[256];
        private int[] ends = new int[256];
        /** The index of the element being walked, whose text nodes are being counted; -1 above the root. */
        private int current = -1;
        private final int[] counts = new int[3];
        private final Map<String, Long> classBits = new HashMap<>();
        private final Map<String, Long> idBits = new HashMap<>();
        private final Function<String, Long> classFound = classPatterns::found;
        private final Function<String, Long> idFound = idPatterns::found;

        Walk(Element root) {
            this.root = root;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                int index = elements.size();
                if (index == matched.length) {
                    matched = Arrays.copyOf(matched, 2 * index);
                    measures = Arrays.copyOf(measures, 3 * 2 * index);
                    ownLetters = Arrays.copyOf(ownLetters, 2 * index);
                    parents = Arrays.copyOf(parents, 2 * index);
                    ends = Arrays.copyOf(ends, 2 * index);
                }
                elements.add(element);
                long bits = bits(element);
                matched[index] = bits;
                for (long rest = bits; rest != 0; rest &= rest - 1) {
                    note(Long.numberOfTrailingZeros(rest), index);
                }
                parents[index] = current;
                current = index;
            } else if (node instanceof TextNode text) {
                TextWeight.measure(text.getWholeText(), counts);
                measures[3 * current] += counts[0];
                ownLetters[current] += counts[0];
                measures[3 * current + 1] += counts[1];
                measures[3 * current + 2] += counts[2];
                Arrays.fill(counts, 0);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element) {
                ends[current] = elements.size();
                int parent = parents[current];
                if (parent >= 0) {
                    for (int k = 0; k < 3; k++) {
                        measures[3 * parent + k] += measures[3 * current + k];
                    }
                }
                current = parent;
            }
        }

        private void note(int bit, int index) {
            if (byBit[bit] == null) {
                byBit[bit] = new int[16];
            } else if (byBitCount[bit] == byBit[bit].length) {
                byBit[bit] = Arrays.copyOf(byBit[bit], 2 * byBitCount[bit]);
            }
            byBit[bit][byBitCount[bit]++] = index;
        }

        private long bits(Element element) {
            long bits = tagBits.getOrDefault(element.normalName(), 0L);
            if (element.attributesSize() > 0) {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey();
                    if (key.equalsIgnoreCase("class")) {
                        bits |= classBits.computeIfAbsent(attribute.getValue(), classFound);
                    } else if (key.equalsIgnoreCase("id")) {
                        bits |= idBits.computeIfAbsent(attribute.getValue(), idFound);
                    }
                    List<Group> groups = groupsByKey.get(key);
                    if (groups != null) {
                        for (Group group : groups) {
                            if ((bits & group.bit()) == 0
                                    && (group.tag() == null || group.tag().equals(element.normalName()))
                                    && group.evaluator().matches(root, element)) {
                                bits |= group.bit();
                            }
                        }
                    }
                }
            }
            return bits;
        }
    }

    /** The bit of {@code selector}, or -1 when it is not indexed. */
    int bit(RuleSelector selector) {
        Integer index = bits.get(selector);
        return index == null ? -1 : index;
    }
}
