package huixun.normalise.parse;

import huixun.normalise.budget.ExtractionBudget;

import java.io.Reader;

/**
 * The page as the parser reads it: without the ranges {@link InertContent} found, and checking the extraction budget
 * as the parser asks for more. jsoup asks for up to two thousand chars at a time (fewer where a skipped range
 * begins), so the budget is read at every eighth read (at most 16,000 chars, well under a millisecond of parsing)
 * rather than at each, which cost a system call per thousand chars.
 */
final class PageReader extends Reader {
    private static final int READS_PER_CHECK = 8;
    private final String page;
    private final int[] skipped;
    private final ExtractionBudget budget;
    private int at;
    /** The index in {@code skipped} of the next range's start. */
    private int next;
    private int reads;

    /** @param skipped start and end offsets of the ranges to leave out, ascending ({@link InertContent#ranges}) */
    PageReader(String page, int[] skipped, ExtractionBudget budget) {
        this.page = page;
        this.skipped = skipped;
        this.budget = budget;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (reads++ % READS_PER_CHECK == 0) {
            budget.checkNow("parsing");
        }
        while (next < skipped.length && skipped[next] <= at) {
            at = Math.max(at, skipped[next + 1]);
            next += 2;
        }
        if (at >= page.length()) {
            return -1;
        }
        int end = Math.min(next < skipped.length ? skipped[next] : page.length(), at + length);
        page.getChars(at, end, buffer, offset);
        int read = end - at;
        at = end;
        return read;
    }

    @Override
    public void close() {
        // nothing to release: the page is a string
    }
}
