package huixun.publish.store;

import java.time.Instant;

/** Where a page of the newest-first list ended: the next page starts after this article. */
public record ListPosition(Instant createdAt, String id) {
}
