package huixun.classify;

import huixun.contracts.events.ArticleNormalised;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The five seed pages of the repository's sample site (samples/site), read as tests need them. */
public final class SampleSite {
    /** Seed number, page path and charset of each page, in seed order. */
    public static final List<String[]> SEEDS = List.of(
            new String[] {"000", "guancha/news/2021/08/02/c3cd13eae5a5524c.html", "UTF-8"},
            new String[] {"001", "sina/china/dfjj/2021-07-28/doc-947a9ff57bb6d87f.html", "GBK"},
            new String[] {"002", "suxun/news/2022/03/29/5847645cb268c6cc.html", "Big5-HKSCS"},
            new String[] {"003", "jschina/system/2020/02/17/ce843d3c12c8db89.html", "UTF-8"},
            new String[] {"004", "suxun/guonei/2022/11/12/5e525eb792f21875.html", "Big5-HKSCS"});

    private SampleSite() {
    }

    /** The page's h1 and the text of all its paragraphs as served: article, comments and footer alike. */
    public static ArticleNormalised article(String id, String page, String charset) throws IOException {
        Document document = page(page, charset);
        Element headline = document.selectFirst("h1");
        return new ArticleNormalised(id, "s-" + id, "http://news.test/" + id, "http://news.test/" + id,
                headline == null ? "" : headline.text(), String.join("\n\n", paragraphs(document)), "", null, null,
                "zh", Instant.now());
    }

    public static Document page(String page, String charset) throws IOException {
        return Jsoup.parse(samples().resolve(page).toFile(), charset);
    }

    public static List<String> paragraphs(Document document) {
        return document.select("p").stream().map(Element::text).filter(t -> !t.isBlank()).toList();
    }

    /** samples/site of the repository: the nearest folder above the module holding it. */
    private static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples/site"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/site not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("samples/site");
    }
}
