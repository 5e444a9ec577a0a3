package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.boilerplate.BoilerplateRules;
import huixun.normalise.selector.PageElements;
import huixun.normalise.text.TextWeight;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

/** Removes page chrome (navigation, comments, promotions …) matched by the removal rules from a page's body. */
final class ChromeRemover {
    private final List<BoilerplateRules.RemovalRule> removals;

    ChromeRemover(List<BoilerplateRules.RemovalRule> removals) {
        this.removals = removals;
    }

    /** @param elements the page's elements as indexed before anything was removed */
    void strip(Document page, PageElements elements, ExtractionBudget budget) {
        Element body = page.body();
        int total = TextWeight.letters(body);
        // The body's elements follow it in document order.
        int from = elements.elements().indexOf(body);
        int to = from + body.getAllElements().size();
        for (BoilerplateRules.RemovalRule rule : removals) {
            budget.checkNow("removing chrome");
            for (Element element : elements.select(rule.selector(), from + 1, to)) {
                budget.check("removing chrome");
                if (element.root() != page) {
                    continue; // already gone with an ancestor
                }
                // A class like "share-wrap" on a page wrapper must not take the article with it. The share is of
                // what is left: once a big menu has gone, the wrapper of the article holds most of the rest.
                int letters = TextWeight.letters(element);
                if (total > 0 && 2 * letters > total) {
                    continue;
                }
                element.remove();
                total -= letters;
            }
        }
    }
}
