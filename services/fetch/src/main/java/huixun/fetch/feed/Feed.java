package huixun.fetch.feed;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A feed or sitemap subscription, a row of {@code fetch.feed}. The API creates, lists and deletes these; the
 * {@link FeedPoller} claims due ones and records what each poll found with plain SQL.
 */
@Entity
@Table(schema = "\"fetch\"", name = "feed")
public class Feed extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The canonical feed URL. */
    public String url;

    @Column(name = "interval_seconds")
    public int intervalSeconds;

    /** The subscription's labels, broadest first (group, source, feed), as a JSON array of strings. */
    public String categories;

    /** The feed's own title, from its latest poll. */
    public String title;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    /** {@code ok}, {@code not_modified} or a failure reason, with the number of new items. */
    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "created_at")
    public Instant createdAt;
}
