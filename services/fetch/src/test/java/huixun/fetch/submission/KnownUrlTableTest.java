package huixun.fetch.submission;

import huixun.contracts.ArticleId;
import huixun.contracts.events.SubmissionAccepted;
import huixun.fetch.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The known-URL statements against PostgreSQL: first, unacknowledged and acknowledged submissions of one URL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class KnownUrlTableTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KnownUrlTable table;

    private static SubmissionAccepted submission(String url) {
        return new SubmissionAccepted(ArticleId.of(url), UUID.randomUUID().toString(), url, url, Instant.now());
    }

    @Test
    void firstThenUnacknowledgedThenKnownWithTheAcknowledgedSubmission() {
        String url = "https://table.example.cn/a.html";
        SubmissionAccepted first = submission(url);
        SubmissionAccepted second = submission(url);
        SubmissionAccepted third = submission(url);

        KnownUrls.Claim claimed = table.claim(first).await().atMost(PATIENCE);
        KnownUrls.Claim resent = table.claim(second).await().atMost(PATIENCE);
        table.acknowledged(second.articleId()).await().atMost(PATIENCE);
        KnownUrls.Claim known = table.claim(third).await().atMost(PATIENCE);

        assertEquals(new KnownUrls.Claim(KnownUrls.Claim.Kind.NEW, first.submissionId()), claimed);
        assertEquals(new KnownUrls.Claim(KnownUrls.Claim.Kind.RESEND, second.submissionId()), resent);
        assertEquals(new KnownUrls.Claim(KnownUrls.Claim.Kind.KNOWN, second.submissionId()), known);
    }
}
