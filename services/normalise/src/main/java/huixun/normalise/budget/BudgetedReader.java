package huixun.normalise.budget;

import java.io.IOException;
import java.io.StringReader;

/** The page as the parser reads it, checking the extraction budget at every buffer the parser asks for. */
public final class BudgetedReader extends StringReader {
    private final ExtractionBudget budget;

    public BudgetedReader(String page, ExtractionBudget budget) {
        super(page);
        this.budget = budget;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        budget.checkNow("parsing");
        return super.read(buffer, offset, length);
    }
}
