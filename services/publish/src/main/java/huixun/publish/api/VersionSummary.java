package huixun.publish.api;

import huixun.publish.store.ArticleVersion;

import java.time.Instant;

/**
 * One version of an article in its version list.
 *
 * @param version      its number: 1 for the first submission publish stored, counting up
 * @param submissionId the submission (fetch) it came from
 * @param classifiedAt when classify produced it: the newest is the current version
 * @param storedAt     when publish stored it
 * @param current      whether the article shows this version
 */
public record VersionSummary(int version, String submissionId, String title, Instant publishedAt,
                             Instant classifiedAt, Instant storedAt, boolean current) {
    static VersionSummary of(ArticleVersion version, Integer current) {
        return new VersionSummary(version.version(), version.submissionId(), version.content().title(),
                version.content().publishedAt(), version.classifiedAt(), version.storedAt(),
                current != null && current == version.version());
    }
}
