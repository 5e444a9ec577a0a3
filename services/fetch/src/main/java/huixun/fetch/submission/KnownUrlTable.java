package huixun.fetch.submission;

import huixun.contracts.events.SubmissionAccepted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;

/**
 * {@link KnownUrls} in the table {@code fetch.known_url}, with plain SQL on the reactive client. The schema name is
 * quoted in every statement: FETCH is an SQL keyword.
 */
@ApplicationScoped
public class KnownUrlTable implements KnownUrls {
    /**
     * Inserts the first submission, or takes the place of one the broker never acknowledged; an acknowledged row is
     * left alone and nothing is returned. {@code xmax = 0} holds for a row this statement inserted (PostgreSQL
     * sets xmax when ON CONFLICT updates an existing one).
     */
    private static final String CLAIM = """
            INSERT INTO "fetch".known_url (article_id, canonical_url, submission_id, submitted_at)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (article_id) DO UPDATE
                SET submission_id = excluded.submission_id, submitted_at = excluded.submitted_at
                WHERE known_url.acknowledged_at IS NULL
            RETURNING (xmax = 0) AS inserted""";
    private static final String KNOWN = "SELECT submission_id FROM \"fetch\".known_url WHERE article_id = $1";
    private static final String ACKNOWLEDGED = "UPDATE \"fetch\".known_url SET acknowledged_at = now() "
            + "WHERE article_id = $1 AND acknowledged_at IS NULL";

    private final Pool pool;

    public KnownUrlTable(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Claim> claim(SubmissionAccepted submission) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(submission.articleId(), submission.canonicalUrl(), submission.submissionId(),
                        submission.acceptedAt().atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> rows.size() > 0
                        ? Uni.createFrom().item(new Claim(rows.iterator().next().getBoolean("inserted")
                                ? Claim.Kind.NEW : Claim.Kind.RESEND, submission.submissionId()))
                        : pool.preparedQuery(KNOWN).execute(Tuple.of(submission.articleId()))
                                .map(KnownUrlTable::known));
    }

    @Override
    public Uni<Void> acknowledged(String articleId) {
        return pool.preparedQuery(ACKNOWLEDGED).execute(Tuple.of(articleId)).replaceWithVoid();
    }

    private static Claim known(RowSet<Row> rows) {
        return new Claim(Claim.Kind.KNOWN, rows.iterator().next().getString("submission_id"));
    }
}
