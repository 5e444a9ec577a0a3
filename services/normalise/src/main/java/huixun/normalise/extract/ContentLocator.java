package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.selector.PageElements;
import huixun.normalise.selector.RuleSelector;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the elements holding the article in a page already stripped of chrome.
 *
 * <p>Every element with inline text of its own (a paragraph, or a div holding loose text) scores its letters, less
 * what sits in links: {@code letters × (1 − link density)²}. A paragraph (or a div of inline content) credits its
 * parent, loose text beside child blocks its own element, and the element above gets half. The best container is the
 * one with the highest score discounted by its own link density. Its siblings join it when they look alike: another
 * container scoring at least a fifth as much with few links, or a prose paragraph with few links, which keeps an
 * article split around an ad or a page break.
 */
final class ContentLocator {
    /** Elements whose text belongs to the container around them. */
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "figcaption", "pre", "dd", "dt");
    /** Shorter lines are labels, buttons and dates rather than prose; the shortest sample paragraph has 10. */
    private static final int MIN_UNIT_LETTERS = 8;
    /** Readability's share of the best score a sibling needs to join (Readability.js, _grabArticle). */
    private static final double SIBLING_SHARE = 0.2;
    private static final double MAX_SIBLING_LINK_DENSITY = 0.3;
    /** A sibling paragraph of this many letters with few links is prose; Readability uses 80 characters of English. */
    private static final int SIBLING_PROSE_LETTERS = 40;
    /** Link density is computed for the best few raw scores only: it scans the whole subtree for links. */
    private static final int CANDIDATES = 8;

    private final RuleSelector postTitle;

    /** @param postTitle the title in front of each post on a page showing several ({@code structure.post-title}) */
    ContentLocator(RuleSelector postTitle) {
        this.postTitle = postTitle;
    }

    /**
     * The elements holding the article, in document order; empty when the page has no text to speak of.
     *
     * @param page the page's elements, indexed before the chrome was removed through it; their letter counts follow
     *             the removals, so a link density needs no walk over the text
     */
    List<Element> locate(Element body, PageElements page, ExtractionBudget budget) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        // Document order of the scored elements: ranking ties must not depend on identity hash codes, which differ
        // from run to run (an extraction would not be reproducible).
        List<Element> order = new ArrayList<>();
        Map<Element, Integer> positions = new IdentityHashMap<>();
        List<Element> elements = new ArrayList<>();
        int bodyIndex = page.elements().indexOf(body);
        for (int index = bodyIndex; index < page.end(bodyIndex); index++) {
            if (page.isRemoved(index)) {
                continue;
            }
            budget.check("scoring text");
            Element element = page.elements().get(index);
            elements.add(element);
            InlineText own = InlineText.of(page, index);
            if (own.letters() < MIN_UNIT_LETTERS) {
                continue;
            }
            double score = own.letters() * Math.pow(1 - own.linkDensity(), 2);
            int container = isParagraph(page, index) ? page.parent(index) : index;
            if (container < 0) {
                continue;
            }
            credit(scores, order, positions, page, container, score);
            if (page.parent(container) >= 0) {
                credit(scores, order, positions, page, page.parent(container), score / 2);
            }
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        Scored scored = new Scored(page, positions);
        Element best = null;
        double bestScore = 0;
        List<Element> ranked = new ArrayList<>(order);
        ranked.sort(Comparator.comparing(scores::get, Comparator.reverseOrder())); // stable: ties keep document order
        for (Element candidate : ranked.subList(0, Math.min(CANDIDATES, ranked.size()))) {
            double score = scores.get(candidate) * (1 - scored.linkDensity(candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        List<Element> copies = copiesOf(best, scores, order);
        List<Element> parts = firstPost(best, copies, elements);
        if (parts.equals(List.of(best))) {
            return withSiblings(best, bestScore, scores, scored, Set.of());
        }
        // Each part is judged against its own score; the parts of other posts are no siblings to join.
        Set<Element> otherPosts = Collections.newSetFromMap(new IdentityHashMap<>());
        otherPosts.addAll(copies);
        parts.forEach(otherPosts::remove);
        Set<Element> chosen = new LinkedHashSet<>();
        for (Element part : parts) {
            chosen.addAll(withSiblings(part, scores.get(part) * (1 - scored.linkDensity(part)), scores, scored,
                    otherPosts));
        }
        return List.copyOf(chosen);
    }

    /**
     * The copies of the container's template that make up the page's own article. A page may repeat the container's
     * tag and class: an article split into parts by ad rails (wired.com: each part a {@code div.article__body} in a
     * grid of its own), or several posts shown in one template (a blog's home or archive page, a news page that
     * preloads the next story). Posts are told from parts by the title in front of each post ({@code post-title} in
     * the rules): copies with no title between them are parts of one article, and the page's own article is the
     * first post, the one on top (the newest post of a blog page, the requested story of a preloading page). A copy
     * counts when it holds text of its own, at least a fifth of the container's score ({@link #copiesOf}). Returns
     * the parts in document order, or the container alone.
     */
    private List<Element> firstPost(Element best, List<Element> copies, List<Element> elements) {
        if (copies.size() < 2) {
            return List.of(best);
        }
        Map<Element, Integer> position = new IdentityHashMap<>();
        for (Element copy : copies) {
            position.put(copy, null);
        }
        for (int i = 0; i < elements.size(); i++) {
            if (position.containsKey(elements.get(i))) {
                position.put(elements.get(i), i);
            }
        }
        copies.sort(Comparator.comparing(position::get));
        List<Element> parts = new ArrayList<>();
        parts.add(copies.get(0));
        for (int i = 1; i < copies.size(); i++) {
            Element previous = copies.get(i - 1);
            int from = position.get(previous) + previous.getAllElements().size();
            if (hasTitle(elements.subList(Math.min(from, position.get(copies.get(i))), position.get(copies.get(i))))) {
                break;
            }
            parts.add(copies.get(i));
        }
        return parts;
    }

    /** Scored elements of the container's tag and class holding at least a fifth of its score, none inside another. */
    private static List<Element> copiesOf(Element best, Map<Element, Double> scores, List<Element> order) {
        String template = best.className();
        List<Element> copies = new ArrayList<>();
        if (template.isBlank()) {
            copies.add(best);
            return copies;
        }
        double least = SIBLING_SHARE * scores.get(best);
        for (Element candidate : order) {
            if (candidate.normalName().equals(best.normalName()) && candidate.className().equals(template)
                    && scores.get(candidate) >= least
                    && copies.stream().noneMatch(copy -> nested(copy, candidate))) {
                copies.add(candidate);
            }
        }
        return copies;
    }

    private static boolean nested(Element a, Element b) {
        for (Element up = a.parent(); up != null; up = up.parent()) {
            if (up == b) {
                return true;
            }
        }
        for (Element up = b.parent(); up != null; up = up.parent()) {
            if (up == a) {
                return true;
            }
        }
        return false;
    }

    private boolean hasTitle(List<Element> between) {
        for (Element element : between) {
            if (postTitle.matches(element.root(), element)) {
                return true;
            }
        }
        return false;
    }

    private static void credit(Map<Element, Double> scores, List<Element> order, Map<Element, Integer> positions,
                               PageElements page, int index, double score) {
        Element element = page.elements().get(index);
        if (scores.putIfAbsent(element, score) == null) {
            order.add(element);
            positions.put(element, index);
        } else {
            scores.merge(element, score, Double::sum);
        }
    }

    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores,
                                              Scored scored, Set<Element> excluded) {
        PageElements page = scored.page();
        int index = scored.index(best);
        // A container that is the only child of its wrapper (NYT's StoryBodyCompanionColumn > div > p) has no
        // siblings of its own: the other parts of the article are the wrapper's siblings. Compare them with the
        // wrapper, which is credited the same way they are.
        double anchorScore = bestScore;
        while (best.parent() != null && best.parent().childrenSize() == 1 && best.parent().parent() != null
                && !"body".equals(best.parent().normalName())) {
            best = best.parent();
            index = page.parent(index);
            anchorScore = scores.getOrDefault(best, anchorScore);
        }
        int parent = page.parent(index);
        if (parent < 0) {
            return List.of(best);
        }
        List<Element> chosen = new ArrayList<>();
        double threshold = SIBLING_SHARE * anchorScore;
        // The parent's children as the page is now: each child's subtree ends where the next child starts.
        for (int child = parent + 1; child < page.end(parent); child = page.end(child)) {
            Element sibling = page.elements().get(child);
            if (!page.isRemoved(child) && (sibling == best
                    || !excluded.contains(sibling) && isAlike(child, threshold, scores, scored))) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }

    private static boolean isAlike(int sibling, double threshold, Map<Element, Double> scores, Scored scored) {
        Element element = scored.page().elements().get(sibling);
        Double score = scores.get(element);
        if (score != null) {
            double density = scored.linkDensity(element);
            if (density <= MAX_SIBLING_LINK_DENSITY && score * (1 - density) >= threshold) {
                return true;
            }
        }
        if (!isParagraph(scored.page(), sibling)) {
            return false;
        }
        InlineText own = InlineText.of(scored.page(), sibling);
        return own.letters() >= SIBLING_PROSE_LETTERS && own.linkDensity() < MAX_SIBLING_LINK_DENSITY / 2;
    }

    /**
     * A paragraph tag, or a {@code div} holding inline content only: blog editors write each paragraph as such a div
     * (Readability.js turns them into paragraphs for the same reason, DIV_TO_P_ELEMS).
     */
    private static boolean isParagraph(PageElements page, int index) {
        String name = page.elements().get(index).normalName();
        if (PARAGRAPH_TAGS.contains(name)) {
            return true;
        }
        if (!"div".equals(name)) {
            return false;
        }
        for (int child = index + 1; child < page.end(index); child = page.end(child)) {
            if (!page.isRemoved(child) && !page.elements().get(child).tag().isInline()) {
                return false;
            }
        }
        return true;
    }

    /** The scored elements' positions in the page's index, which holds their letter counts. */
    private record Scored(PageElements page, Map<Element, Integer> positions) {
        int index(Element scored) {
            return positions.get(scored);
        }

        /**
         * Share of a scored element's letters that sit inside links ({@code a} elements, nested ones counted again),
         * read from the page's letter counts.
         */
        double linkDensity(Element scored) {
            int index = index(scored);
            int letters = page.letters(index);
            if (letters == 0) {
                return 0;
            }
            int linked = 0;
            for (int i = index; i < page.end(index); i++) {
                if (!page.isRemoved(i) && "a".equals(page.elements().get(i).normalName())) {
                    linked += page.letters(i);
                }
            }
            return Math.min(1, (double) linked / letters);
        }
    }

    /**
     * The text an element holds itself: its text nodes and those of its inline children, not of child blocks. Read
     * from the page's letter counts of each element's own text nodes.
     */
    record InlineText(int letters, int linkedLetters) {
        static InlineText of(PageElements page, int index) {
            int[] counts = new int[2]; // letters, linked letters
            collect(page, index, counts, "a".equals(page.elements().get(index).normalName()));
            return new InlineText(counts[0], counts[1]);
        }

        double linkDensity() {
            return letters == 0 ? 0 : Math.min(1, (double) linkedLetters / letters);
        }

        private static void collect(PageElements page, int index, int[] counts, boolean inLink) {
            int own = page.ownLetters(index);
            counts[0] += own;
            if (inLink) {
                counts[1] += own;
            }
            for (int child = index + 1; child < page.end(index); child = page.end(child)) {
                Element inline = page.elements().get(child);
                if (!page.isRemoved(child) && inline.tag().isInline()) {
                    collect(page, child, counts, inLink || "a".equals(inline.normalName()));
                }
            }
        }
    }
}
