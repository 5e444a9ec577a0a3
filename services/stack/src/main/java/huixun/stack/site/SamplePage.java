package huixun.stack.site;

/**
 * One page of the sample site, as listed in {@code samples/site/index.tsv}: what the pipeline should find in it.
 *
 * @param path          path below the site root, without a leading slash ({@code zh/gbk-news.html})
 * @param charset       the charset the file is encoded in and served with ({@code UTF-8}, {@code GBK}, {@code Big5})
 * @param headline      the article's headline
 * @param firstSentence the first sentence of the article body
 * @param lastSentence  the last sentence of the article body
 */
public record SamplePage(String path, String charset, String headline, String firstSentence, String lastSentence) {
}
