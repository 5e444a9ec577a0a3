package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.selector.PageElements;
import org.jsoup.nodes.Document;

import java.util.List;

/** Removes page chrome (navigation, comments, promotions …) matched by the removal rules from a page's body. */
final class ChromeRemover {
    private final List<BoilerplateRules.RemovalRule> removals;

    ChromeRemover(List<BoilerplateRules.RemovalRule> removals) {
        this.removals = removals;
    }

    /** @param elements the page's elements as indexed before anything was removed */
    void strip(Document page, PageElements elements, ExtractionBudget budget) {
        // The body's elements follow it in document order.
        int from = elements.elements().indexOf(page.body());
        int to = elements.end(from);
        int total = elements.letters(from);
        for (BoilerplateRules.RemovalRule rule : removals) {
            budget.checkNow("removing chrome");
            for (int index : elements.indexesOf(rule.selector(), from + 1, to)) {
                budget.check("removing chrome");
                if (elements.isRemoved(index)) {
                    continue; // already gone with an ancestor
                }
                // A class like "share-wrap" on a page wrapper must not take the article with it. The share is of
                // what is left: once a big menu has gone, the wrapper of the article holds most of the rest.
                int letters = elements.letters(index);
                if (total > 0 && 2 * letters > total) {
                    continue;
                }
                elements.remove(index);
                total -= letters;
            }
        }
    }
}
