package huixun.fetch.feed;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it.
 *
 * @param categories   the labels given at subscription (may be empty: then the host and title are used)
 * @param title        the feed's own title, once polled
 * @param lastOutcome  what the latest poll found: {@code ok}, {@code not_modified}, or a failure reason, with details
 */
public record FeedResponse(String id, String url, int intervalSeconds, List<String> categories, String title,
                           Instant nextPollAt, Instant lastPolledAt, String lastOutcome, Instant createdAt) {
}
