package huixun.normalise.budget;

import java.io.IOException;
import java.io.StringReader;

/**
 * The page as the parser reads it, checking the extraction budget as the parser asks for more: jsoup reads one to two
 * thousand chars at a time, so the budget is read at every eighth read (every 8,000 to 16,000 chars, well under a
 * millisecond of parsing) rather than at each, which cost a system call per thousand chars.
 */
public final class BudgetedReader extends StringReader {
    private static final int READS_PER_CHECK = 8;
    private final ExtractionBudget budget;
    private int reads;

    public BudgetedReader(String page, ExtractionBudget budget) {
        super(page);
        this.budget = budget;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (reads++ % READS_PER_CHECK == 0) {
            budget.checkNow("parsing");
        }
        return super.read(buffer, offset, length);
    }
}
