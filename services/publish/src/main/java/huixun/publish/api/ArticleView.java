package huixun.publish.api;

import huixun.contracts.ArticleStatus;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleContent;
import huixun.publish.store.ArticleDetails;
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
 * @param people       people (and organisations, code prefixed {@code org:}) named in it, best first
 * @param keywords     its top terms, best first
 * @param simhash      64-bit SimHash of the Simplified text as 16 hex digits, or null
 * @param contentHash  SHA-256 of the normalised Simplified text, or null
 * @param duplicateOf  the id of the earlier article this one nearly duplicates, or null
 * @param origin       the feed subscription that submitted it, or null when a person did
 * @param leadImage    the page's lead image, or null
 * @param modifiedAt   when the page says it was last updated, or null ({@code updatedAt} is publish's own)
 * @param script       ISO 15924 script of a Chinese page, Hans or Hant; null for other languages
 * @param textOriginal the body in the page's own script; {@code text} is Simplified
 */
public record ArticleView(String id, String url, String finalUrl, String submissionId, ArticleStatus status,
                          String reason, String detail, String title, String text, String html, String author,
                          String language, Instant publishedAt, List<Label> topics, List<Label> regions,
                          Instant createdAt, Instant updatedAt, List<TimelineEntry> timeline, Integer version,
                          List<Label> people, List<Label> keywords, String simhash, String contentHash,
                          String duplicateOf, Origin origin, String leadImage, Instant modifiedAt,
                          String canonicalUrl, String description, List<String> siteCategories, String editor,
                          String originalTitle, String sourceName, String script, String textOriginal) {

    static ArticleView of(Article article, List<StatusEntry> timeline) {
        return of(article, article.url(), article.content(), article.version(), article.details(), timeline);
    }

    /** The article with the content of one of its versions; status and timeline stay the article's. */
    static ArticleView of(Article article, ArticleVersion version, List<StatusEntry> timeline) {
        return of(article, version.url(), version.content(), version.version(), version.details(), timeline);
    }

    private static ArticleView of(Article article, String url, ArticleContent c, Integer version, ArticleDetails d,
                                  List<StatusEntry> timeline) {
        return new ArticleView(article.id(), url, c.finalUrl(), article.submissionId(), article.status(),
                article.reason(), article.detail(), c.title(), c.text(), c.html(), c.author(), c.language(),
                c.publishedAt(), c.topics(), c.regions(), article.createdAt(), article.updatedAt(),
                timeline.stream().map(TimelineEntry::of).toList(),
                version, d.people(), d.keywords(), d.simhash(), d.contentHash(), d.duplicateOf(), d.origin(),
                d.leadImage(), d.modifiedAt(), d.canonicalUrl(), d.description(), d.siteCategories(), d.editor(),
                d.originalTitle(), d.sourceName(), d.script(), d.textOriginal());
    }

    /**
     * A status a submission reached.
     *
     * @param stage        the service that reported it
     * @param submissionId the submission it belongs to: a refetch starts a new one
     * @param traceId      the OpenTelemetry trace id the stage reported, or null when tracing was off
     */
    public record TimelineEntry(ArticleStatus status, String stage, String reason, String detail, Instant at,
                                String submissionId, String traceId) {
        static TimelineEntry of(StatusEntry entry) {
            return new TimelineEntry(entry.status(), entry.stage(), entry.reason(), entry.detail(), entry.at(),
                    entry.submissionId(), entry.traceId());
        }
    }
}
