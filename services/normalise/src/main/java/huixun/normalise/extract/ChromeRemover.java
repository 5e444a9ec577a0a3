package huixun.normalise.extract;

import huixun.normalise.budget.ExtractionBudget;
import huixun.normalise.boilerplate.BoilerplateRules;
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

    void strip(Document page, ExtractionBudget budget) {
        Element body = page.body();
        int total = TextWeight.letters(body);
        // One walk collects the elements; a rule tests them from the list rather than walking the page again. The
        // list is collected again only after a rule removed something (most rules remove nothing on a page).
        List<Element> elements = body.getAllElements();
        for (BoilerplateRules.RemovalRule rule : removals) {
            budget.checkNow("removing chrome");
            boolean removed = false;
            for (Element element : elements) {
                budget.check("removing chrome");
                if (element == body || !rule.selector().matches(body, element) || element.root() != page) {
                    continue; // the body itself, no match, or already gone with an ancestor
                }
                // A class like "share-wrap" on a page wrapper must not take the article with it. The share is of
                // what is left: once a big menu has gone, the wrapper of the article holds most of the rest.
                int letters = TextWeight.letters(element);
                if (total > 0 && 2 * letters > total) {
                    continue;
                }
                element.remove();
                total -= letters;
                removed = true;
            }
            if (removed) {
                elements = body.getAllElements();
            }
        }
    }
}
