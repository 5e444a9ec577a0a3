package huixun.normalise.parse;

import huixun.normalise.budget.ExtractionBudget;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Parses a page with jsoup, leaving out the contents nothing reads ({@link InertContent}), within a budget. */
public final class PageParser {
    private PageParser() {
    }

    /**
     * The page parsed. The parser pulls the page through a reader that checks the budget as it reads: some malformed
     * pages cost more than linear time to parse, and jsoup offers no other way to stop it.
     *
     * @throws ExtractionBudget.Exceeded when the budget runs out while parsing
     */
    public static Document parse(String page, String baseUri, ExtractionBudget budget) {
        return Parser.htmlParser().parseInput(new PageReader(page, InertContent.ranges(page), budget), baseUri);
    }
}
