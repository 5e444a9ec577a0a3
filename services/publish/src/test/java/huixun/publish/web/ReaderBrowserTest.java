package huixun.publish.web;

import huixun.contracts.Topics;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import huixun.publish.ChannelFeed;
import huixun.publish.Events;
import huixun.publish.Events.NewArticle;
import huixun.publish.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web reader in a real headless Chromium (the system's, driven by the system chromedriver through Selenium):
 * visible content, escaping, the script toggle and keyboard access, with screenshots at phone and desktop widths
 * (into {@code target/screenshots}, or the folder named by the system property {@code huixun.screenshots.dir}, e.g.
 * docs/img). Skips when Chromium or chromedriver is not installed. The browser may reach loopback only: every other
 * host name resolves to nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReaderBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final String SCRIPT_TITLE = "<script>alert('x')</script> A title with markup stays text";

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/")
    URL root;

    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install the Debian package chromium");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER
                + ": install the Debian package chromium-driver");
        profile = Files.createTempDirectory("huixun-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void readersSeeArticlesAndEscapedTitlesOnPhoneAndDesktop() throws IOException {
        Map<String, NewArticle> stored = storeSampleArticles();
        NewArticle seed = stored.get("seed000");

        viewport(DESKTOP, false);
        browser.get(root.toString());
        assertEquals("Latest articles", browser.findElement(By.tagName("h1")).getText());
        WebElement escaped = browser.findElement(By.partialLinkText("A title with markup stays text"));
        assertEquals(SCRIPT_TITLE, escaped.getText());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertTrue(browser.findElement(By.linkText("江苏省委常委会：南京疫情根本原因是思想松懈致工作出现漏洞")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("aside.facets")).isDisplayed());
        screenshot("reader-home-desktop.png");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to content", browser.switchTo().activeElement().getText());

        browser.get(root + "articles/" + seed.id());
        assertEquals("江苏省委常委会：南京疫情根本原因是思想松懈致工作出现漏洞",
                browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".body")).getText().contains("南京聚集性疫情"));
        assertTrue(browser.findElement(By.linkText("娄勤俭")).isDisplayed());
        assertEquals("观察者网", browser.findElement(By.cssSelector("dl.meta a")).getText());
        double measure = Double.parseDouble(browser.findElement(By.cssSelector("article.article")).getCssValue(
                "max-width").replace("px", ""));
        assertTrue(measure > 500 && measure < 800, "article measure " + measure + "px");
        screenshot("reader-article-desktop.png");

        viewport(PHONE, true);
        browser.get(root.toString());
        assertTrue(browser.findElement(By.linkText("江苏省委常委会：南京疫情根本原因是思想松懈致工作出现漏洞")).isDisplayed());
        screenshot("reader-home-phone.png");
        browser.get(root + "articles/" + seed.id());
        screenshot("reader-article-phone.png");
    }

    @Test
    void aTraditionalArticleSwitchesToItsOwnScriptByALink() {
        NewArticle traditional = NewArticle.on("www.cna.example.test");
        new ChannelFeed(connector).deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(traditional,
                Events.submission(), "台湾疫情通报", null, Instant.now()));

        browser.get(root + "articles/" + traditional.id());
        assertEquals("zh-Hans", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector(".body")).getText().contains("台湾地区发布疫情通报。"));
        browser.findElement(By.linkText("原文（繁體）")).click();
        assertEquals("zh-Hant", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector(".body")).getText().contains("臺灣地區發佈疫情通報。"));
        assertEquals("page", browser.findElement(By.linkText("原文（繁體）")).getAttribute("aria-current"));
    }

    // Exactly this viewport (a window size would include the browser's own frame), as a phone or a desktop.
    private void viewport(Dimension size, boolean mobile) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width",
                size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("huixun.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A realistic front page: the two seed posts, English and Traditional articles, and one hostile title. */
    private Map<String, NewArticle> storeSampleArticles() throws IOException {
        ChannelFeed feed = new ChannelFeed(connector);
        List<Label> health = List.of(new Label("07000000", "health", 0.82), new Label("11000000", "politics", 0.4));
        List<Label> jiangsu = List.of(new Label("CN-JS", "江苏", 0.9));
        NewArticle hostile = NewArticle.on("www.example.org");
        feed.deliver(Topics.ARTICLES_CLASSIFIED, article(hostile, SCRIPT_TITLE, "<p>Nothing to see.</p>", "en",
                Instant.parse("2021-08-01T12:00:00Z"), null, List.of(), List.of(), List.of(), null, null));
        String[][] english = {
                {"www.example.com", "2021-08-02T08:15:00Z",
                        "Officials step up epidemic prevention as Nanjing cluster grows",
                        "Health officials are preventing further spread with mass testing across the city."},
                {"news.example.net", "2021-08-02T06:40:00Z", "Port traffic recovers as shipping costs ease",
                        "Container volumes rose for the third month as freight rates fell from their peak."},
                {"www.example.com", "2021-08-02T10:05:00Z", "Vaccination drive reaches rural counties",
                        "Mobile clinics brought second doses to villages far from the nearest hospital."}};
        for (String[] e : english) {
            feed.deliver(Topics.ARTICLES_CLASSIFIED, article(NewArticle.on(e[0]), e[2], "<p>" + e[3] + "</p>",
                    "en", Instant.parse(e[1]), null, health, List.of(new Label("CN", "China", 0.6)), List.of(),
                    null, null));
        }
        NewArticle taiwan = NewArticle.on("www.cna.example.test");
        feed.deliver(Topics.ARTICLES_CLASSIFIED, Events.detailed(taiwan, Events.submission(), "台湾疫苗接种进度加快",
                null, Instant.now()));
        NewArticle seed001 = NewArticle.on("www.guancha.cn");
        feed.deliver(Topics.ARTICLES_CLASSIFIED, seed(seed001, "seeds/001_947a9ff57bb6d87f.txt", health, jiangsu));
        NewArticle seed000 = NewArticle.on("www.guancha.cn");
        feed.deliver(Topics.ARTICLES_CLASSIFIED, seed(seed000, "seeds/000_c3cd13eae5a5524c.txt", health, jiangsu));
        return Map.of("seed000", seed000, "seed001", seed001, "hostile", hostile);
    }

    private static ArticleClassified seed(NewArticle article, String resource, List<Label> topics,
                                          List<Label> regions) throws IOException {
        String post;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            post = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = post.lines().filter(line -> line.startsWith("title: ")).findFirst().orElseThrow()
                .substring("title: '".length()).replaceAll("'$", "").replace("''", "'");
        // The seeds' images are on the publisher's site, which the browser must not reach.
        Document body = Jsoup.parseBodyFragment(post.substring(post.indexOf("<div>") + 5, post.lastIndexOf("</div>")));
        body.select("img").remove();
        body.select("p:empty, p:matchesOwn(^\\s*$):not(:has(*))").remove();
        Instant date = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(post.lines()
                .filter(line -> line.startsWith("date: ")).findFirst().orElseThrow().substring("date: ".length())));
        return article(article, title, body.body().html(), "zh", date, "观察者网", topics, regions,
                List.of(new Label("娄勤俭", "娄勤俭", 0.9), new Label("吴政隆", "吴政隆", 0.7)),
                new Origin("guancha-home", "https://www.guancha.cn/rss", "首页", List.of("新媒体", "观察者网", "首页")),
                "Hans");
    }

    private static ArticleClassified article(NewArticle article, String title, String html, String language,
                                             Instant publishedAt, String sourceName, List<Label> topics,
                                             List<Label> regions,
                                             List<Label> people, Origin origin, String script) {
        String text = Jsoup.parseBodyFragment(html).text();
        Instant now = Instant.now();
        ArticleNormalised normalised = new ArticleNormalised(ArticleNormalised.SCHEMA_VERSION, article.id(),
                Events.submission(), article.url(), article.url(), title, text, html, publishedAt,
                sourceName == null ? "Staff reporter" : "记者 王某", language, now, text, script,
                sourceName == null ? null : "李某", null, sourceName, null, null, null, null, List.of(),
                Map.of(), origin);
        return new ArticleClassified(ArticleClassified.SCHEMA_VERSION, article.id(), normalised.submissionId(),
                normalised, topics, regions, now, people, List.of(), null, null, null);
    }
}
