package huixun.normalise.extract;

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

    void strip(Document page) {
        Element body = page.body();
        int total = TextWeight.letters(body.text());
        for (BoilerplateRules.RemovalRule rule : removals) {
            for (Element element : body.select(rule.selector())) {
                if (element == body || element.root() != page) {
                    continue; // the body itself, or already gone with an ancestor
                }
                // A class like "share-wrap" on a page wrapper must not take the article with it. The share is of
                // what is left: once a big menu has gone, the wrapper of the article holds most of the rest.
                int letters = TextWeight.letters(element.text());
                if (total > 0 && 2 * letters > total) {
                    continue;
                }
                element.remove();
                total -= letters;
            }
        }
    }
}
