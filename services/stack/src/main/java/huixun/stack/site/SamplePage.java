package huixun.stack.site;

/**
 * One page of the sample site, as listed in {@code samples/site/index.tsv}: what the pipeline should find in it.
 *
 * @param path          path below the site root, without a leading slash ({@code zh/gbk-news.html})
 * @param charset       the charset the file is encoded in and served with ({@code UTF-8}, {@code GBK}, {@code Big5})
 * @param headline      the article's headline as the page writes it
 * @param title         the title the pipeline must output (the headline normalised: no pinyin, Simplified)
 * @param firstSentence the first sentence of the article body, as the pipeline outputs it
 * @param lastSentence  the last sentence of the article body, as the pipeline outputs it
 */
public record SamplePage(String path, String charset, String headline, String title, String firstSentence,
                         String lastSentence) {
}
