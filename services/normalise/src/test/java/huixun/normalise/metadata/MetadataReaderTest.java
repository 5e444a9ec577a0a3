package huixun.normalise.metadata;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataReaderTest {
    private static MetadataReader reader;

    @BeforeAll
    static void loadRules() throws InvalidRulesException {
        reader = new MetadataReader(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE).metadata());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实_新浪财经_新浪网 => 江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实",
        "江苏：深入贯彻总书记讲话精神 奋力夺取双胜利 - 中国江苏网      => 江苏：深入贯彻总书记讲话精神 奋力夺取双胜利",
        "南京疫情最新通报 | 观察者网                                   => 南京疫情最新通报",
        "COVID-19 疫苗接种进展 - 新华网                              => COVID-19 疫苗接种进展",
        "Brexit - what happens next - BBC News                     => Brexit - what happens next",
        "只有标题没有站名                                           => 只有标题没有站名"})
    void titleTagLosesItsSiteNameSuffix(String titleTag, String expected) {
        assertEquals(expected, reader.read(page("<title>" + titleTag + "</title>", "")).title());
    }

    @Test
    void ogTitleComesBeforeHeadlineAndTitleTag() {
        Document page = page("<title>标题甲_某网</title><meta property=\"og:title\" content=\"标题乙\">", "<h1>标题丙</h1>");
        assertEquals("标题乙", reader.read(page).title());
    }

    @Test
    void ogTitleLosesOnlyTheExactSiteName() {
        Document page = page("<meta property=\"og:site_name\" content=\"观察者网\">"
                + "<meta property=\"og:title\" content=\"中美会谈 - 要点 - 观察者网\">", "");
        assertEquals("中美会谈 - 要点", reader.read(page).title());
    }

    @Test
    void headlineThatIsInTheTitleBeatsTheLogoHeadline() {
        Document page = page("<title>省委召开会议部署防控工作 - 江苏网</title>",
                "<h1 class=\"logo\">江苏网新闻中心频道</h1><h1>省委召开会议部署防控工作</h1>");
        assertEquals("省委召开会议部署防控工作", reader.read(page).title());
    }

    @Test
    void metaPublishedTimeComesBeforeTheVisibleDate() {
        Document page = page("<meta property=\"article:published_time\" content=\"2021-07-28T10:50:17+08:00\">",
                "<h1>标题</h1><span class=\"date\">2021年07月29日 09:00</span>");
        assertEquals(Instant.parse("2021-07-28T02:50:17Z"), reader.read(page).publishedAt());
    }

    @Test
    void jsonLdDatePublishedIsRead() {
        Document page = page("<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                + "\"@graph\": [{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-02-17T21:36:08+08:00\"}]}"
                + "</script>", "<h1>标题</h1>");
        assertEquals(Instant.parse("2020-02-17T13:36:08Z"), reader.read(page).publishedAt());
    }

    @Test
    void timeElementIsRead() {
        Document page = page("", "<h1>标题</h1><time datetime=\"2021-08-02T19:47:10+08:00\">8月2日</time>");
        assertEquals(Instant.parse("2021-08-02T11:47:10Z"), reader.read(page).publishedAt());
    }

    @Test
    void dateLineAfterTheHeadlineBeatsTodaysDateInTheTopBar() {
        Document page = page("", "<div id=\"top\">今天是 2022年11月13日 星期日</div>"
                + "<h1>省委常委会召开会议</h1><div>发布：2022年11月12日 08:30 来源：江西日报</div>");
        assertEquals(Instant.parse("2022-11-12T00:30:00Z"), reader.read(page).publishedAt());
    }

    @Test
    void pageWithoutDateHasNoPublishedTime() {
        assertNull(reader.read(page("<title>标题</title>", "<h1>标题</h1><p>正文没有日期。</p>")).publishedAt());
    }

    @Test
    void authorComesFromMetaThenBylineWithoutItsLabel() {
        assertEquals("新浪财经", reader.read(page("<meta property=\"article:author\" content=\"新浪财经\">", ""))
                .author());
        assertEquals("耿联", reader.read(page("", "<span class=\"author\">作者：耿联</span>")).author());
        assertEquals("Jane Doe", reader.read(page("", "<p class=\"byline\">By Jane Doe</p>")).author());
        assertNull(reader.read(page("<meta property=\"article:author\" content=\"https://www.facebook.com/bbcnews\">",
                "")).author());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<html lang=\"zh-CN\"><body><p>Hello world</p></body></html>         | zh",
        "<html lang=\"zh-Hant\"><body><p>會議指出</p></body></html>             | zh",
        "<html lang=\"EN-gb\"><body><p>会议指出</p></body></html>               | en",
        "<html><body><p>会议指出，要切实维护社会稳定。Page 1</p></body></html>     | zh",
        "<html><body><p>The meeting stressed stability.</p></body></html>    | en"})
    void languageComesFromLangElseFromTheScript(String html, String expected) {
        assertEquals(expected, reader.read(Jsoup.parse(html)).language());
    }

    @Test
    void unknownScriptHasNoLanguage() {
        assertNull(reader.read(Jsoup.parse("<html><body><p>Встреча подчеркнула стабильность.</p></body></html>"))
                .language());
    }

    @Test
    void updateTimeComesFromMetaThenJsonLdThenMicrodata() {
        assertEquals(Instant.parse("2021-07-28T03:02:00Z"), reader.read(page(
                "<meta property=\"article:modified_time\" content=\"2021-07-28T11:02:00+08:00\">", "")).updatedAt());
        PageMetadata jsonLd = reader.read(page("<script type=\"application/ld+json\">{\"datePublished\": "
                + "\"2020-02-17T21:36:08+08:00\", \"dateModified\": \"2020-02-18T08:00:00+08:00\"}</script>", ""));
        assertEquals(Instant.parse("2020-02-18T00:00:00Z"), jsonLd.updatedAt());
        assertEquals("json-ld dateModified", jsonLd.provenance().get("updatedAt"));
        assertEquals("json-ld datePublished", jsonLd.provenance().get("publishedAt"));
        assertEquals(Instant.parse("2021-08-02T12:00:00Z"), reader.read(page("",
                "<time itemprop=\"dateModified\" datetime=\"2021-08-02T20:00:00+08:00\">20:00</time>")).updatedAt());
    }

    @Test
    void updateBeforeThePublicationIsIgnored() {
        PageMetadata meta = reader.read(page(
                "<meta property=\"article:published_time\" content=\"2021-07-28T10:50:17+08:00\">"
                + "<meta property=\"article:modified_time\" content=\"2019-01-01T00:00:00+08:00\">", ""));
        assertNull(meta.updatedAt());
        assertNull(meta.provenance().get("updatedAt"));
    }

    @Test
    void canonicalLinkIsMadeAbsolute() {
        Document page = Jsoup.parse("<html><head><link rel=\"canonical\" href=\"/news/2021/a.html\">"
                + "<meta property=\"og:url\" content=\"https://example.cn/og\"></head><body></body></html>",
                "https://www.example.cn/news/2021/a.html?from=feed");
        PageMetadata meta = reader.read(page);
        assertEquals("https://www.example.cn/news/2021/a.html", meta.canonicalUrl());
        assertEquals("link rel=canonical", meta.provenance().get("canonicalUrl"));
        assertEquals("https://example.cn/og", reader.read(Jsoup.parse("<meta property=\"og:url\" "
                + "content=\"https://example.cn/og\">")).canonicalUrl());
    }

    @Test
    void leadImageIsAbsoluteAndNeverAScriptOrDataUrl() {
        Document page = Jsoup.parse("<html><head><meta property=\"og:image\" content=\"/img/lead.jpg\">"
                + "</head><body></body></html>", "https://example.cn/news/a.html");
        PageMetadata meta = reader.read(page);
        assertEquals("https://example.cn/img/lead.jpg", meta.leadImage());
        assertEquals("og:image", meta.provenance().get("leadImage"));
        assertNull(reader.read(page("<meta property=\"og:image\" content=\"javascript:alert(1)\">"
                + "<meta name=\"twitter:image\" content=\"data:image/png;base64,AAAA\">", "")).leadImage());
        assertEquals("https://example.cn/b.jpg", reader.read(page("<script type=\"application/ld+json\">"
                + "{\"image\": [{\"@type\": \"ImageObject\", \"url\": \"https://example.cn/b.jpg\"}]}</script>", ""))
                .leadImage());
    }

    @Test
    void descriptionComesFromMetaThenJsonLd() {
        assertEquals("概要甲", reader.read(page("<meta property=\"og:description\" content=\" 概要甲 \">"
                + "<meta name=\"description\" content=\"概要乙\">", "")).description());
        PageMetadata meta = reader.read(page("<meta name=\"Description\" content=\"概要乙\">", ""));
        assertEquals("概要乙", meta.description());
        assertEquals("description", meta.provenance().get("description"));
        assertEquals("概要丙", reader.read(page("<script type=\"application/ld+json\">{\"description\": \"概要丙\"}"
                + "</script>", "")).description());
    }

    @Test
    void jsonLdBreadcrumbListGivesTheCategoriesInPositionOrder() {
        PageMetadata meta = reader.read(page("<script type=\"application/ld+json\">{\"@graph\": ["
                + "{\"@type\": \"NewsArticle\"}, {\"@type\": \"BreadcrumbList\", \"itemListElement\": ["
                + "{\"position\": 3, \"name\": \"宏观\"}, {\"position\": 1, \"name\": \"首页\"},"
                + "{\"position\": 2, \"item\": {\"name\": \"财经\"}}]}]}</script>", ""));
        assertEquals(List.of("财经", "宏观"), meta.siteCategories());
        assertEquals("json-ld BreadcrumbList", meta.provenance().get("siteCategories"));
    }

    @Test
    void breadcrumbTrailGivesItsLinksWithoutHomeAndHeadline() {
        PageMetadata meta = reader.read(page("", "<div class=\"bread\"><a href=\"/\">新浪首页</a> &gt; "
                + "<a href=\"/china/\">财经</a> &gt; <a href=\"/china/dfjj/\">地方经济</a> &gt; "
                + "<a href=\"/china/dfjj/a.shtml\">江苏召开会议</a></div><h1>江苏召开会议</h1>"));
        assertEquals(List.of("财经", "地方经济"), meta.siteCategories());
        assertEquals("breadcrumb", meta.provenance().get("siteCategories"));
        PageMetadata microdata = reader.read(page("", "<ol itemscope itemtype=\"https://schema.org/BreadcrumbList\">"
                + "<li itemprop=\"itemListElement\"><a itemprop=\"item\" href=\"/\"><span itemprop=\"name\">Home"
                + "</span></a></li><li itemprop=\"itemListElement\"><a itemprop=\"item\" href=\"/world\">"
                + "<span itemprop=\"name\">World</span></a></li></ol>"));
        assertEquals(List.of("World"), microdata.siteCategories());
    }

    @Test
    void articleSectionIsTheCategoryOfAPageWithoutTrail() {
        PageMetadata meta = reader.read(page("<meta property=\"article:section\" content=\"Opinion\">", ""));
        assertEquals(List.of("Opinion"), meta.siteCategories());
        assertEquals("article:section", meta.provenance().get("siteCategories"));
        assertTrue(reader.read(page("", "<p>正文</p>")).siteCategories().isEmpty());
    }

    @Test
    void provenanceNamesTheSourceOfEveryField() {
        PageMetadata meta = reader.read(page("<title>标题_某网</title>", "<h1>标题</h1>"
                + "<span class=\"date\">2021年07月28日 10:50</span><span class=\"author\">作者：耿联</span>"));
        assertEquals("h1", meta.provenance().get("title"));
        assertEquals("date-line", meta.provenance().get("publishedAt"));
        assertEquals("byline", meta.provenance().get("author"));
        assertEquals("html lang", meta.provenance().get("language"));
        assertEquals("title", reader.read(page("<title>标题_某网</title>", "")).provenance().get("title"));
    }

    private static Document page(String head, String body) {
        return Jsoup.parse("<html lang=\"zh\"><head>" + head + "</head><body>" + body + "</body></html>");
    }
}
