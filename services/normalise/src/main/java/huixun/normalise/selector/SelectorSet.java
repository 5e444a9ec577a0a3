package huixun.normalise.selector;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
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

    /** The elements of {@code root} (itself included) in document order, with the selectors each one matches. */
    public PageElements index(Element root) {
        List<Element> elements = root.getAllElements();
        long[] matched = new long[elements.size()];
        Map<String, Long> classBits = new HashMap<>();
        Map<String, Long> idBits = new HashMap<>();
        Function<String, Long> classFound = classPatterns::found;
        Function<String, Long> idFound = idPatterns::found;
        for (int i = 0; i < matched.length; i++) {
            Element element = elements.get(i);
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
            matched[i] = bits;
        }
        return new PageElements(this, root, elements, matched);
    }

    /** The bit of {@code selector}, or -1 when it is not indexed. */
    int bit(RuleSelector selector) {
        Integer index = bits.get(selector);
        return index == null ? -1 : index;
    }
}
