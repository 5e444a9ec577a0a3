package huixun.normalise.extract;

import huixun.normalise.boilerplate.BoilerplateRulesLoader;
import huixun.normalise.boilerplate.InvalidRulesException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleExtractorTest {
    private static final Set<String> SAFE_TAGS = Set.of("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
            "figure", "figcaption", "img", "a", "br", "b", "strong", "i", "em", "sub", "sup");
    /** What each sample page says about itself besides its headline; dates as the pages' Beijing time in UTC. */
    private static final Map<String, Expected> EXPECTED = Map.of(
            "guancha/", new Expected(Instant.parse("2021-08-02T11:47:10Z"), "观察者网"),
            "sina/", new Expected(Instant.parse("2021-07-28T02:50:17Z"), "新浪财经"),
            "suxun/news/", new Expected(Instant.parse("2022-03-28T23:02:00Z"), null),
            "jschina/", new Expected(Instant.parse("2020-02-17T13:36:08Z"), "耿联"),
            "suxun/guonei/", new Expected(Instant.parse("2022-11-12T00:30:00Z"), null));

    private static ArticleExtractor extractor;

    @BeforeAll
    static void loadRules() throws InvalidRulesException {
        extractor = new ArticleExtractor(BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE),
                2_000_000, 50);
    }

    static List<SamplePage> samplePages() {
        return SamplePage.all();
    }

    @Test
    void sampleSiteHasFivePages() {
        assertEquals(5, SamplePage.all().size());
    }

    /** index.tsv gives the title the pipeline must output: the page's headline without pinyin, in Simplified. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageTitleIsItsNormalisedHeadline(SamplePage page) {
        assertEquals(page.title(), extract(page).title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageTextRunsFromFirstToLastSentence(SamplePage page) {
        String text = extract(page).text();
        int first = text.indexOf(page.firstSentence());
        int last = text.indexOf(page.lastSentence());
        assertAll(
                () -> assertTrue(first >= 0, "first sentence missing from:\n" + text),
                () -> assertTrue(last >= 0, "last sentence missing from:\n" + text),
                () -> assertTrue(first < last, "first sentence comes after the last"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageTextHoldsNoChrome(SamplePage page) {
        String pageText = Jsoup.parse(page.html()).text();
        String text = extract(page).text();
        assertFalse(page.boilerplate().isEmpty(), "boilerplate.tsv lists nothing for " + page);
        for (String chrome : page.boilerplate()) {
            assertTrue(pageText.contains(chrome), "fixture: not on the page at all: " + chrome);
            assertFalse(text.contains(chrome), "chrome in the extracted text: " + chrome);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageParagraphsAreTrimmed(SamplePage page) {
        for (String paragraph : extract(page).text().split("\n\n")) {
            assertFalse(paragraph.isBlank(), "empty paragraph");
            assertEquals(paragraph.strip(), paragraph, "untrimmed: " + paragraph);
            assertNotEquals('\u3000', paragraph.charAt(0), "full-width indent kept: " + paragraph);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageHtmlPassesTheSafelist(SamplePage page) {
        assertSafe(extract(page).html());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void samplePageMetadataIsRead(SamplePage page) {
        Extraction.Article article = extract(page);
        Expected expected = EXPECTED.entrySet().stream().filter(e -> page.path().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertAll(
                () -> assertEquals(expected.publishedAt(), article.publishedAt(), "published"),
                () -> assertEquals(expected.author(), article.author(), "author"),
                () -> assertEquals("zh", article.language(), "language"));
    }

    @Test
    void imagesInsideTheArticleKeepTheirAbsoluteAddress() {
        Document html = Jsoup.parseBodyFragment(extract(SamplePage.named("guancha/")).html());
        List<String> sources = html.select("figure > img").eachAttr("src");
        assertEquals(List.of("https://i.guancha.cn/news/mainland/2021/08/02/20210802194228856.png",
                "https://i.guancha.cn/news/mainland/2021/08/02/20210802194235659.png",
                "https://i.guancha.cn/news/mainland/2021/08/02/20210802194244598.png"), sources);
    }

    /** Issue 5 moved source, editor and original-title lines into fields; before, source lines stayed in the body. */
    @Test
    void sourceEditorAndOriginalTitleLinesMoveIntoFields() {
        Extraction.Article sina = extract(SamplePage.named("sina/"));
        Extraction.Article mirror = extract(SamplePage.named("suxun/guonei/"));
        assertAll(
                () -> assertEquals("交汇点", sina.sourceName()),
                () -> assertEquals("张亚楠", sina.editor()),
                () -> assertEquals("江苏省委书记娄勤俭：把疫情防控首要任务抓紧抓实", sina.originalTitle()),
                () -> assertFalse(sina.text().contains("来源：交汇点"), sina.text()),
                () -> assertFalse(sina.text().contains("海量资讯"), sina.text()),
                () -> assertEquals("江西日报", mirror.sourceName()),
                () -> assertFalse(mirror.textOriginal().contains("原標題"), "original-title line kept"),
                () -> assertFalse(mirror.textOriginal().contains("來源:"), "source line kept"),
                () -> assertEquals("Hant", mirror.script()),
                () -> assertEquals("Hans", sina.script()),
                () -> assertEquals(sina.text(), sina.textOriginal()));
    }

    @Test
    void articleSplitAroundAnAdKeepsBothHalves() {
        String html = "<html><body><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/n\">新闻</a></div>"
                + "<div id=\"main\"><div class=\"part\">" + paragraphs("前半部分", 3) + "</div>"
                + "<div class=\"promo-slot\"><a href=\"/buy\">限时优惠，立即购买</a></div>"
                + "<div class=\"part\">" + paragraphs("后半部分", 3) + "</div></div>"
                + "<div class=\"footer\">版权所有</div></body></html>";
        Extraction.Article article = assertInstanceOf(Extraction.Article.class,
                extractor.extract(html, "https://example.cn/a.html"));
        assertAll(
                () -> assertTrue(article.text().contains("前半部分第1段"), article.text()),
                () -> assertTrue(article.text().contains("后半部分第3段"), article.text()),
                () -> assertFalse(article.text().contains("限时优惠"), article.text()));
    }

    /** Session 2: the NYT wraps each part of an article twice; before, only the best part was kept. */
    @Test
    void articleInWrappedColumnsKeepsEveryColumn() {
        String html = "<html><body><article><section>"
                + "<div class=\"column\"><div class=\"inner\">" + paragraphs("第一栏", 4) + "</div></div>"
                + "<div class=\"column\"><div class=\"inner\">" + paragraphs("第二栏", 2) + "</div></div>"
                + "<div class=\"column\"><div class=\"inner\">" + paragraphs("第三栏", 1) + "</div></div>"
                + "</section></article></body></html>";
        String text = assertInstanceOf(Extraction.Article.class, extractor.extract(html, "https://example.cn/a"))
                .text();
        assertAll(
                () -> assertTrue(text.contains("第一栏第4段"), text),
                () -> assertTrue(text.contains("第二栏第2段"), text),
                () -> assertTrue(text.contains("第三栏第1段"), text));
    }

    /** Session 3: a blog archive page shows several posts in one template; the page's article is the first. */
    @Test
    void pageOfSeveralPostsYieldsTheFirstPost() {
        String html = "<html><body><table>"
                + post("春节回家", paragraphs("第一篇", 2))
                + post("秋天的露天电影", paragraphs("第二篇", 6))
                + "</table></body></html>";
        String text = assertInstanceOf(Extraction.Article.class, extractor.extract(html, "https://blog.example.cn/a"))
                .text();
        assertAll(
                () -> assertTrue(text.contains("第一篇第2段"), text),
                () -> assertFalse(text.contains("第二篇"), text));
    }

    /** Session 3: wired.com puts each part of an article in a grid of its own beside an ad rail, with no title. */
    @Test
    void partsOfOneArticleInSeparateWrappersAreJoined() {
        String html = "<html><body><main>"
                + "<div class=\"grid\"><div class=\"article-body\">" + paragraphs("第一部分", 3) + "</div>"
                + "<div class=\"rail\"><div class=\"ad\">广告</div></div></div>"
                + "<div class=\"row\"><div class=\"ad\">广告</div></div>"
                + "<div class=\"grid\"><div class=\"article-body\">" + paragraphs("第二部分", 5) + "</div>"
                + "<div class=\"rail\"><div class=\"ad\">广告</div></div></div>"
                + "</main></body></html>";
        // both parts, in page order, and nothing of the ad rails
        List<String> paragraphs = paragraphsOf(html);
        assertEquals(8, paragraphs.size(), paragraphs::toString);
        assertTrue(paragraphs.get(0).startsWith("第一部分第1段") && paragraphs.get(3).startsWith("第二部分第1段")
                && paragraphs.get(7).startsWith("第二部分第5段"), paragraphs::toString);
    }

    /**
     * Session 12: a blog editor writes each paragraph as a div of inline text, and the template puts the lead in one
     * such div beside the wrapper holding the rest (a Blogger theme's post body); the lead was lost.
     */
    @Test
    void paragraphsWrittenAsDivsJoinTheirLeadBesideTheWrapper() {
        String lead = "Photos which were released online and are making the rounds on social media show the actress "
                + "looking absolutely stunning in new make-up photos.";
        String html = "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
                + "<div class=\"post-body\"><div><span>" + lead + "</span></div>"
                + "<div class=\"reader\"><div><img src=\"/a.jpg\"></div>"
                + "<div><span>The veteran actress, who won the academy award for best actress in a leading role in "
                + "2008, has shared some stunning photos of herself on her Instagram page.</span></div>"
                + "<div><span>She flaunted a handbag which had the colours of the national flag. The 47-year-old was "
                + "one of the guests invited to an event by a media mogul.</span></div></div></div>"
                + "<div class=\"footer\">Copyright 2018</div></body></html>";
        List<String> paragraphs = paragraphsOf(html);
        assertEquals(3, paragraphs.size(), paragraphs::toString);
        assertEquals(lead, paragraphs.get(0));
    }

    /**
     * Session 12: some pages head every section with an h1. Those below the start of the text stay, as headings; the
     * headline does not, above the text or below a photo caption that precedes it.
     */
    @Test
    void sectionHeadingsWrittenAsH1StayButTheHeadlineDoesNot() {
        String html = "<html><head><title>The Atkins diet</title></head><body><div class=\"entry\">"
                + "<div class=\"info\">The author at the finish line of a marathon, ten kilograms lighter.</div>"
                + "<h1>The Atkins diet</h1>"
                + "<p>The first phase of the diet allows twenty grams of carbohydrate a day and lasts two weeks.</p>"
                + "<h1>The second phase</h1>"
                + "<p>The second phase raises the daily allowance to about forty grams, five grams each week.</p>"
                + "</div></body></html>";
        List<String> paragraphs = paragraphsOf(html);
        assertEquals(List.of("The author at the finish line of a marathon, ten kilograms lighter.",
                "The first phase of the diet allows twenty grams of carbohydrate a day and lasts two weeks.",
                "The second phase",
                "The second phase raises the daily allowance to about forty grams, five grams each week."),
                paragraphs);
    }

    /**
     * Session 12: a caption written as a WordPress {@code p.wp-caption-text}, an express.co.uk {@code span.newsCaption}
     * or any element with a caption class is a caption, as a figcaption is: beside its image in the HTML, not in the
     * text.
     */
    @Test
    void captionsWithoutFigcaptionStayOutOfTheText() {
        String caption = "2018 Jeongdong Theater Tradition Series Performance, The Palace: Tale of Jang Noksu";
        String html = """
                <html><body><div class="entry-content">
                <p>The theater opens its tradition series in April with a new production of the palace drama.</p>
                <div class="wp-caption aligncenter"><img src="https://example.com/poster.jpg" alt="poster">
                <p class="wp-caption-text">%s</p></div>
                <p>Tickets go on sale in March, and students and seniors pay half price on weekday evenings.</p>
                <div class="photo"><img src="https://example.com/stage.jpg" alt="stage">
                <span class="newsCaption">The stage of the palace <span class="caption">(Image: GETTY)</span></span>
                </div></div></body></html>""".formatted(caption);
        Extraction.Article article = assertInstanceOf(Extraction.Article.class,
                extractor.extract(html, "https://example.com/a"));
        assertAll(
                () -> assertEquals(List.of(
                        "The theater opens its tradition series in April with a new production of the palace drama.",
                        "Tickets go on sale in March, and students and seniors pay half price on weekday evenings."),
                        List.of(article.text().split("\n\n"))),
                () -> assertTrue(article.html().contains("<figcaption>" + caption + "</figcaption>"),
                        article.html()));
    }

    /**
     * Session 12: an old blog theme writes the date and the headline as the first lines of the post (the title keeps
     * the blog's name before it) and the read count and trackback address under it; none of them is the article.
     */
    @Test
    void blogDateHeadlineReadCountAndTrackbackLinesAreDropped() {
        String html = """
                <html><head><title>多维博客 &raquo; 播客热潮迅速蔓延 挑逗传统传媒业</title></head><body><div class="post">
                <p><img src="/wp-images/pic.gif"> Saturday, September 10th, 2005 &nbsp; 10:56 am</p>
                <p align="center"><font size="5">播客热潮迅速蔓延 挑逗传统传媒业</font></p>
                <p>每个人都可以当主持人，任何人都可以通过软件免费下载播客提供的节目，订阅自己喜欢的内容。</p>
                <p>据美国研究机构的最新统计，目前美国已有八十四万人在使用播客，这一数字还将继续上升。</p>
                <span>(本文发表于首页<a href="/?cat=7">批评与建议</a>, 已被阅读178次)</span>
                <div><span>本文通告引用(Trackback)链接: /wp-trackback.php?p=1700</span></div>
                </div></body></html>""";
        assertEquals(List.of("每个人都可以当主持人，任何人都可以通过软件免费下载播客提供的节目，订阅自己喜欢的内容。",
                "据美国研究机构的最新统计，目前美国已有八十四万人在使用播客，这一数字还将继续上升。"), paragraphsOf(html));
    }

    /** Session 12: labels of ad slots and widgets, taxonomy lines and photo credits left as lines of their own. */
    @Test
    void interfaceLinesOfEnglishPagesAreDropped() {
        String html = "<html><body><article>"
                + "<p>Tempo de leitura: 2 minutos</p>"
                + "<p>The council approved the new budget on Monday after a debate that lasted most of the night.</p>"
                + "<p>Advertisement</p><p>Photo: John Locher, AP</p><p>Caption</p><p>Close</p>"
                + "<p>Tags: the police found no more than three of them in the river, the report says.</p>"
                + "<p>The mayor said the money would go to schools, roads and the city's two hospitals.</p>"
                + "<p>Read More</p><p>Filed under: Politics | City Hall</p>"
                + "</article></body></html>";
        assertEquals(List.of("The council approved the new budget on Monday after a debate that lasted most of the night.",
                "Tags: the police found no more than three of them in the river, the report says.",
                "The mayor said the money would go to schools, roads and the city's two hospitals."),
                paragraphsOf(html));
    }

    @Test
    void legalNoticeBlockUnderTheArticleIsDropped() {
        String html = "<html><body><div><div class=\"content\">" + paragraphs("正文", 4) + "</div>"
                + "<div id=\"used\"><span><p><b>反侵权公告：</b></p><p>根据《中华人民共和国著作权法》等法律法规，未经书面"
                + "许可，擅自转载本报社作品的，将涉嫌侵犯著作权人合法权益。为规范网络转载行为，本报社郑重公告。</p>"
                + "<p>一、任何单位或个人使用本报社的原创内容，必须事先取得本报社书面授权。</p></span></div>"
                + "</div></body></html>";
        String text = assertInstanceOf(Extraction.Article.class, extractor.extract(html, "https://example.cn/a"))
                .text();
        assertAll(
                () -> assertTrue(text.contains("正文第4段"), text),
                () -> assertFalse(text.contains("反侵权公告"), text),
                () -> assertFalse(text.contains("书面授权"), text));
    }

    @Test
    void wrapperWithAChromeClassNameKeepsTheArticle() {
        String html = "<html><body><div class=\"share-wrap\">" + paragraphs("正文", 4) + "</div>"
                + "<div class=\"share\"><a href=\"#\">分享到微信</a></div></body></html>";
        String text = assertInstanceOf(Extraction.Article.class, extractor.extract(html, "https://example.cn/a"))
                .text();
        assertTrue(text.contains("正文第4段"), text);
        assertFalse(text.contains("分享到微信"), text);
    }

    @Test
    void hostileMarkupIsSanitised() {
        String html = "<html><body><article>"
                + "<p onclick=\"steal()\">第一段正文，内容足够长，用来确认段落会被保留下来，并且事件处理属性会被去掉。"
                + "<a href=\"/related/1.html\" onmouseover=\"x()\">相对链接</a>和"
                + "<a href=\"javascript:alert(1)\">脚本链接</a>。</p>"
                + "<script>document.write('<p>注入的段落</p>')</script>"
                + "<p style=\"color:red\">第二段正文也有足够的文字，用来判断正文容器的位置。"
                + "<img src=\"data:image/png;base64,AAAA\" onerror=\"x()\"><img src=\"/img/photo.jpg\" alt=\"图\"></p>"
                + "<iframe src=\"https://ads.example/\"></iframe>"
                + "</article></body></html>";
        Extraction.Article article = assertInstanceOf(Extraction.Article.class,
                extractor.extract(html, "https://news.example.cn/2021/a.html"));
        assertSafe(article.html());
        Document out = Jsoup.parseBodyFragment(article.html());
        assertAll(
                () -> assertEquals(List.of("https://news.example.cn/related/1.html"),
                        out.select("a[href]").eachAttr("href")),
                () -> assertEquals(List.of("https://news.example.cn/img/photo.jpg"), out.select("img").eachAttr("src")),
                () -> assertFalse(article.text().contains("注入的段落")),
                () -> assertFalse(article.html().contains("javascript:")));
    }

    @Test
    void emptyPageHasNoArticle() {
        assertInstanceOf(Extraction.NoArticle.class, extractor.extract("", "https://example.cn/"));
    }

    @Test
    void pageOfLinksHasNoArticle() {
        StringBuilder html = new StringBuilder("<html><body><ul>");
        for (int i = 0; i < 40; i++) {
            html.append("<li><a href=\"/n/").append(i).append(".html\">新闻标题第").append(i).append("条内容</a></li>");
        }
        html.append("</ul></body></html>");
        assertInstanceOf(Extraction.NoArticle.class, extractor.extract(html.toString(), "https://example.cn/"));
    }

    @Test
    void shortTextIsNoArticle() {
        Extraction extraction = extractor.extract("<html><body><p>页面不存在，请返回首页。</p></body></html>",
                "https://example.cn/404");
        assertInstanceOf(Extraction.NoArticle.class, extraction);
    }

    @Test
    void onlyTheFirstMaxBodyCharsAreParsed() throws InvalidRulesException {
        String first = "<html><body><div>" + paragraphs("开头", 3) + "</div>";
        String rest = "<div>" + paragraphs("超出上限", 3) + "</div></body></html>";
        ArticleExtractor small = new ArticleExtractor(
                BoilerplateRulesLoader.fromClasspath(BoilerplateRulesLoader.RESOURCE), first.length(), 50);
        String text = assertInstanceOf(Extraction.Article.class, small.extract(first + rest, null)).text();
        assertTrue(text.contains("开头第3段"), text);
        assertFalse(text.contains("超出上限"), text);
    }

    @Test
    void leadImageFallsBackToTheFirstBodyImageAndProvenanceNamesEverySource() {
        String html = "<html lang=\"zh-CN\"><head><title>省委召开会议_某网</title>"
                + "<meta property=\"og:description\" content=\"會議概要\"></head><body>"
                + "<div class=\"bread\"><a href=\"/\">首页</a> &gt; <a href=\"/gd/\">滚动</a></div>"
                + "<div><h1>省委召开会议</h1><img src=\"/img/first.jpg\"><img src=\"/img/second.jpg\">"
                + paragraphs("正文", 3) + "<p>责任编辑：张亚楠</p></div></body></html>";
        Extraction.Article article = assertInstanceOf(Extraction.Article.class,
                extractor.extract(html, "https://example.cn/news/a.html"));
        assertEquals("https://example.cn/img/first.jpg", article.leadImage());
        assertEquals(List.of("滚动"), article.siteCategories());
        assertEquals("會議概要", article.description());
        assertEquals(Map.of("title", "h1", "language", "text", "leadImage", "body image", "description",
                "og:description", "siteCategories", "breadcrumb", "editor", "body line"), article.provenance());
    }

    @Test
    void traditionalDescriptionAndCategoriesAreSimplified() {
        String html = "<html lang=\"zh-TW\"><head><meta property=\"og:description\" content=\"經濟會議\">"
                + "<meta property=\"article:section\" content=\"財經\"></head><body><div>"
                + "<p>這是一段足夠長的正文文字，講述了會議的主要內容和下一步的工作安排，以及各方的意見與建議。</p>"
                + "<p>會議指出，要堅持穩中求進工作總基調，完整準確全面貫徹新發展理念，推動經濟高質量發展。</p>"
                + "</div></body></html>";
        Extraction.Article article = assertInstanceOf(Extraction.Article.class, extractor.extract(html, null));
        assertEquals("Hant", article.script());
        assertEquals("经济会议", article.description());
        assertEquals(List.of("财经"), article.siteCategories());
    }

    private static Extraction.Article extract(SamplePage page) {
        return assertInstanceOf(Extraction.Article.class, extractor.extract(page.html(), page.url()));
    }

    /** The paragraphs of the article extracted from {@code html}, which must be one. */
    private static List<String> paragraphsOf(String html) {
        return List.of(assertInstanceOf(Extraction.Article.class, extractor.extract(html, "https://example.com/a"))
                .text().split("\n\n"));
    }

    private static String paragraphs(String label, int count) {
        StringBuilder html = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            html.append("<p>").append(label).append("第").append(i)
                    .append("段：这是一段足够长的正文文字，讲述了会议的主要内容和下一步的工作安排。</p>");
        }
        return html.toString();
    }

    /** One post of a blog page: a title row, the body, a footer with the comment link. */
    private static String post(String title, String body) {
        return "<tr><td><table class=\"post\"><tr><td class=\"post-title\">" + title + "</td>"
                + "<td class=\"post-title\">2005-06-14 03:25:55</td></tr>"
                + "<tr><td class=\"post-body\">" + body + "</td></tr>"
                + "<tr><td class=\"post-footer\"><a href=\"/comment\">发表评论</a></td></tr></table></td></tr>";
    }

    private static void assertSafe(String html) {
        assertFalse(html.toLowerCase().contains("<script"), html);
        Document fragment = Jsoup.parseBodyFragment(html);
        for (Element element : fragment.body().getAllElements()) {
            if (element == fragment.body()) {
                continue;
            }
            assertTrue(SAFE_TAGS.contains(element.normalName()), "unexpected tag " + element.normalName());
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), "handler " + attribute);
                assertFalse(attribute.getKey().equals("style"), "style " + attribute);
            }
        }
        for (Element img : fragment.select("img")) {
            assertTrue(img.attr("src").matches("https?://.+"), "image " + img.attr("src"));
        }
        for (Element link : fragment.select("a")) {
            assertEquals("nofollow noopener", link.attr("rel"));
            if (link.hasAttr("href")) {
                assertTrue(link.attr("href").matches("https?://.+"), "link " + link.attr("href"));
            }
        }
    }

    private record Expected(Instant publishedAt, String author) {
    }
}
