package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.Label;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleVersion;
import huixun.publish.store.StatusEntry;

import java.time.Instant;
import java.util.List;

/**
 * An article in full, with its timeline.
 *
 * @param submissionId the submission whose status the article shows (the latest one received)
 * @param status       that submission's furthest status
 * @param reason       a failure reason code when {@code status} is FAILED
 * @param timeline     every status every submission of the article reached, by time
 * @param version      the number of the version whose content this is; null before the article is published
 */
public record ArticleView(String id, String url, String finalUrl, String submissionId, ArticleStatus status,
                          String reason, String detail, String title, String text, String html, String author,
                          String language, Instant publishedAt, List<Label> topics, List<Label> regions,
                          Instant createdAt, Instant updatedAt, List<TimelineEntry> timeline, Integer version) {

    static ArticleView of(Article article, List<StatusEntry> timeline) {
        return new ArticleView(article.id(), article.url(), article.finalUrl(), article.submissionId(),
                article.status(), article.reason(), article.detail(), article.title(), article.text(),
                article.html(), article.author(), article.language(), article.publishedAt(), article.topics(),
                article.regions(), article.createdAt(), article.updatedAt(),
                timeline.stream().map(TimelineEntry::of).toList(), article.version());
    }

    /** The article with the content of one of its versions; status and timeline stay the article's. */
    static ArticleView of(Article article, ArticleVersion version, List<StatusEntry> timeline) {
        return new ArticleView(article.id(), version.url(), version.finalUrl(), article.submissionId(),
                article.status(), article.reason(), article.detail(), version.title(), version.text(),
                version.html(), version.author(), version.language(), version.publishedAt(), version.topics(),
                version.regions(), article.createdAt(), article.updatedAt(),
                timeline.stream().map(TimelineEntry::of).toList(), version.version());
    }

    /**
     * A status a submission reached.
     *
     * @param stage        the service that reported it
     * @param submissionId the submission it belongs to: a refetch starts a new one
     */
    public record TimelineEntry(ArticleStatus status, String stage, String reason, String detail, Instant at,
                                String submissionId) {
        static TimelineEntry of(StatusEntry entry) {
            return new TimelineEntry(entry.status(), entry.stage(), entry.reason(), entry.detail(), entry.at(),
                    entry.submissionId());
        }
    }
}
