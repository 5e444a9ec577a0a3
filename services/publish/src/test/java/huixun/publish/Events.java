package huixun.publish;

import huixun.contracts.ArticleId;
import huixun.contracts.ArticleStatus;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import huixun.contracts.events.StatusChanged;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the other stages write them, for a fresh article each test so tests never see each other's rows. */
public final class Events {
    public static final Instant PUBLISHED_AT = Instant.parse("2026-11-20T08:00:00Z");
    public static final List<Label> TOPICS = List.of(new Label("04000000", "economy, business and finance", 0.91),
            new Label("11000000", "politics", 0.4));
    public static final List<Label> REGIONS = List.of(new Label("CN-GD", "广东", 0.87));

    private Events() {
    }

    /** An article not seen before: its canonical URL and the id derived from it. */
    public record NewArticle(String id, String url) {
        public static NewArticle next() {
            return on("news.example.test");
        }

        /** A new article on its own site, so filters by source see only what the test stored. */
        public static NewArticle on(String host) {
            String url = "https://" + host + "/" + UUID.randomUUID();
            return new NewArticle(ArticleId.of(url), url);
        }
    }

    public static String submission() {
        return UUID.randomUUID().toString();
    }

    public static StatusChanged status(NewArticle article, String submission, ArticleStatus status, String stage,
                                       Instant at) {
        return new StatusChanged(StatusChanged.SCHEMA_VERSION, article.id(), submission, article.url(), status,
                stage, null, null, at);
    }

    public static StatusChanged failed(NewArticle article, String submission, String stage, String reason,
                                       String detail, Instant at) {
        return new StatusChanged(StatusChanged.SCHEMA_VERSION, article.id(), submission, article.url(),
                ArticleStatus.FAILED, stage, reason, detail, at);
    }

    public static ArticleClassified classified(NewArticle article, String submission, String title,
                                               Instant classifiedAt) {
        ArticleNormalised normalised = new ArticleNormalised(article.id(), submission, article.url(),
                article.url() + "?from=redirect", title, "第一段。\n\n第二段。", "<p>第一段。</p><p>第二段。</p>",
                PUBLISHED_AT, "记者 王某", "zh", classifiedAt.minusSeconds(1));
        return new ArticleClassified(normalised, TOPICS, REGIONS, classifiedAt);
    }

    /** A classified article with the given content and labels. */
    public static ArticleClassified classified(NewArticle article, String submission, String title, String text,
                                               String language, Instant publishedAt, List<Label> topics,
                                               List<Label> regions, Instant classifiedAt) {
        String html = "<p>" + text.replace("\n\n", "</p><p>") + "</p>";
        ArticleNormalised normalised = new ArticleNormalised(article.id(), submission, article.url(),
                article.url(), title, text, html, publishedAt, "记者 王某", language, classifiedAt.minusSeconds(1));
        return new ArticleClassified(normalised, topics, regions, classifiedAt);
    }

    /**
     * A classified Traditional Chinese article from a feed, with every field the contracts of session 2 added.
     *
     * @param duplicateOf the article it duplicates, or null
     */
    public static ArticleClassified detailed(NewArticle article, String submission, String title,
                                             String duplicateOf, Instant classifiedAt) {
        ArticleNormalised normalised = new ArticleNormalised(ArticleNormalised.SCHEMA_VERSION, article.id(),
                submission, article.url(), article.url(), title, "台湾地区发布疫情通报。", "<p>台湾地区发布疫情通报。</p>",
                PUBLISHED_AT, "记者 陈某", "zh", classifiedAt.minusSeconds(1), "臺灣地區發佈疫情通報。", "Hant",
                "王编辑", "原来的标题", "中央社", Instant.parse("2026-11-21T09:00:00Z"), article.url() + "#canonical",
                "https://img.example.test/lead.jpg", "一句摘要", List.of("两岸", "台湾"),
                Map.of("title", "og:title"), new Origin("feed-1", "https://feeds.example.test/rss", "要闻",
                List.of("新媒体", "中央社", "要闻")));
        return new ArticleClassified(ArticleClassified.SCHEMA_VERSION, article.id(), submission, normalised, TOPICS,
                REGIONS, classifiedAt, List.of(new Label("陈建仁", "陈建仁", 0.8)), List.of(new Label("疫情", "疫情", 0.5)),
                "0123456789abcdef", "ab".repeat(32), duplicateOf);
    }
}
