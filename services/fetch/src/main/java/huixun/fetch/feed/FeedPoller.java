package huixun.fetch.feed;

import huixun.contracts.ArticleId;
import huixun.contracts.events.Origin;
import huixun.fetch.config.FetchConfig;
import huixun.fetch.http.FetchOutcome;
import huixun.fetch.http.PageClient;
import huixun.fetch.politeness.HostScheduler;
import huixun.fetch.politeness.HostSlots;
import huixun.fetch.robots.RobotsCache;
import huixun.fetch.submission.SubmissionService;
import huixun.fetch.submission.UrlCanonicaliser;
import huixun.fetch.url.InvalidUrlException;
import huixun.fetch.url.WebUrl;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.WorkerExecutor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Polls due feed subscriptions. Each tick claims up to {@code max-per-tick} due feeds in one statement (moving
 * their next poll an interval ahead, with {@code FOR UPDATE SKIP LOCKED}, so that several replicas never poll the
 * same feed), then polls each within its host's turn of the {@link HostScheduler} and {@link HostSlots}: robots.txt,
 * then a conditional GET through the same guarded {@link PageClient} as pages (address guard, size cap, timeouts).
 * A 304 ends the poll. A feed's items are parsed by {@link FeedParser}; item URLs the feed has not listed before
 * are submitted like any URL ({@link SubmissionService}, so a URL known from elsewhere is not fetched again) with the
 * feed as their {@link Origin}, and only the ones the broker accepted are then marked seen. If any submission failed,
 * the feed's validators are not updated, so that the next poll reads the feed again and retries those items.
 */
@ApplicationScoped
public class FeedPoller {
    /** Submissions of one feed's new items in flight at once. */
    private static final int SUBMIT_CONCURRENCY = 8;
    private static final String CLAIM_DUE = """
            UPDATE "fetch".feed SET next_poll_at = now() + interval_seconds * interval '1 second'
            WHERE id IN (SELECT id FROM "fetch".feed WHERE next_poll_at <= now() ORDER BY next_poll_at LIMIT $1
                         FOR UPDATE SKIP LOCKED)
            RETURNING id, url, categories, title, etag, last_modified""";
    private static final String SEEN =
            "SELECT article_id FROM \"fetch\".feed_item WHERE feed_id = $1 AND article_id = ANY($2)";
    private static final String MARK_SEEN = """
            INSERT INTO "fetch".feed_item (feed_id, article_id, url, seen_at)
            SELECT $1, article_id, url, now() FROM unnest($2::text[], $3::text[]) AS item(article_id, url)
            ON CONFLICT DO NOTHING""";
    private static final String RECORD_READ = """
            UPDATE "fetch".feed SET last_polled_at = now(), last_outcome = $2, title = coalesce($3, title),
                etag = $4, last_modified = $5
            WHERE id = $1""";
    private static final String RECORD_OUTCOME =
            "UPDATE \"fetch\".feed SET last_polled_at = now(), last_outcome = $2 WHERE id = $1";

    private final Pool pool;
    private final PageClient client;
    private final RobotsCache robots;
    private final HostScheduler scheduler;
    private final HostSlots slots;
    private final SubmissionService submissions;
    private final WorkerExecutor worker;
    private final FetchConfig.Feeds config;

    public FeedPoller(Pool pool, PageClient client, RobotsCache robots, HostScheduler scheduler, HostSlots slots,
                      SubmissionService submissions, WorkerExecutor worker, FetchConfig config) {
        this.pool = pool;
        this.client = client;
        this.robots = robots;
        this.scheduler = scheduler;
        this.slots = slots;
        this.submissions = submissions;
        this.worker = worker;
        this.config = config.feeds();
    }

    /**
     * Claims and starts the due polls without waiting for them: a poll waits for its host's turn, which can take a
     * while behind that host's pages, and must not hold back the feeds of other hosts. Claims are atomic, so ticks
     * may overlap.
     */
    @Scheduled(every = "${huixun.fetch.feeds.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.pollingEnabled()) {
            pollDue().subscribe().with(submitted -> Log.debugf("stage=feeds tick submitted=%d", submitted),
                    e -> Log.warnf("stage=feeds outcome=tick_failed cause=%s", e.toString()));
        }
    }

    /** Claims the due subscriptions and polls them; completes with the number of new submissions. */
    public Uni<Integer> pollDue() {
        return pool.preparedQuery(CLAIM_DUE).execute(Tuple.of(config.maxPerTick()))
                .flatMap(rows -> {
                    List<Uni<Integer>> polls = new ArrayList<>();
                    for (Row row : rows) {
                        DueFeed feed = DueFeed.of(row);
                        polls.add(Uni.createFrom().completionStage(() -> scheduler.submit(hostOf(feed.url()),
                                () -> poll(feed).subscribeAsCompletionStage())));
                    }
                    return polls.isEmpty() ? Uni.createFrom().item(0)
                            : Uni.join().all(polls).andCollectFailures()
                                    .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
                });
    }

    private Uni<Integer> poll(DueFeed feed) {
        WebUrl url;
        try {
            url = WebUrl.parse(feed.url());
        } catch (InvalidUrlException e) {
            return recordOutcome(feed, "invalid_url: " + e.getMessage()).replaceWith(0);
        }
        return slots.inTurn(url.host(), () -> robots.check(url)
                        .flatMap(refusal -> refusal.isPresent()
                                ? Uni.createFrom().item((FetchOutcome) refusal.get())
                                : client.fetchFeed(url, feed.validators())))
                .flatMap(outcome -> {
                    if (outcome instanceof FetchOutcome.Fetched fetched) {
                        return read(feed, fetched);
                    }
                    if (outcome instanceof FetchOutcome.NotModified) {
                        Log.infof("feed=%s stage=feeds outcome=not_modified", feed.id());
                        return recordOutcome(feed, "not_modified").replaceWith(0);
                    }
                    FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
                    Log.infof("feed=%s stage=feeds outcome=failed reason=%s", feed.id(), failed.reason());
                    return recordOutcome(feed, failed.reason() + ": " + failed.detail()).replaceWith(0);
                })
                .onFailure().recoverWithUni(e -> {
                    Log.errorf(e, "feed=%s stage=feeds outcome=error url=%s", feed.id(), feed.url());
                    return recordOutcome(feed, "processing_error: " + e).onFailure().recoverWithNull().replaceWith(0);
                });
    }

    private Uni<Integer> read(DueFeed feed, FetchOutcome.Fetched fetched) {
        return worker.executeBlocking(() -> FeedParser.parse(fetched.body(), fetched.finalUrl()), false)
                .flatMap(parsed -> submitUnseen(feed, parsed, fetched.validators()))
                .onFailure(FeedParser.FeedFormatException.class).recoverWithUni(e -> {
                    Log.infof("feed=%s stage=feeds outcome=failed reason=invalid_feed detail=%s", feed.id(),
                            e.getMessage());
                    return recordOutcome(feed, "invalid_feed: " + e.getMessage()).replaceWith(0);
                });
    }

    private Uni<Integer> submitUnseen(DueFeed feed, ParsedFeed parsed, FetchOutcome.Validators validators) {
        // By article id, in feed order: two spellings of one URL are one item.
        Map<String, String> items = new LinkedHashMap<>();
        for (String link : parsed.itemUrls()) {
            try {
                items.putIfAbsent(ArticleId.of(UrlCanonicaliser.canonicalise(link).toString()), link);
            } catch (InvalidUrlException e) {
                Log.debugf("feed=%s skipped item url=%s: %s", feed.id(), link, e.getMessage());
            }
        }
        String title = parsed.title() != null ? parsed.title() : feed.title();
        Origin origin = new Origin(feed.id().toString(), feed.url(), title, feed.categoriesOr(title));
        return pool.preparedQuery(SEEN).execute(Tuple.of(feed.id(), items.keySet().toArray(String[]::new)))
                .flatMap(seenRows -> {
                    Set<String> seen = new HashSet<>();
                    seenRows.forEach(row -> seen.add(row.getString("article_id")));
                    List<Map.Entry<String, String>> unseen = items.entrySet().stream()
                            .filter(item -> !seen.contains(item.getKey())).toList();
                    return Multi.createFrom().iterable(unseen)
                            .onItem().transformToUni(item -> submissions.accept(item.getValue(), false, origin)
                                    .map(acceptance -> new Submitted(item, !acceptance.known()))
                                    .onFailure().recoverWithItem(e -> {
                                        Log.warnf("feed=%s item=%s outcome=not_submitted cause=%s", feed.id(),
                                                item.getValue(), e.getMessage());
                                        return null;
                                    }))
                            .merge(SUBMIT_CONCURRENCY)
                            .collect().asList()
                            .flatMap(done -> markSeen(feed, done).replaceWith(done))
                            .flatMap(done -> {
                                int fresh = (int) done.stream().filter(Submitted::fresh).count();
                                boolean complete = done.size() == unseen.size();
                                Log.infof("feed=%s stage=feeds outcome=read items=%d unseen=%d submitted=%d "
                                        + "complete=%s", feed.id(), items.size(), unseen.size(), fresh, complete);
                                // Incomplete: keep the old validators, so the next poll reads the feed again.
                                FetchOutcome.Validators kept = complete ? validators : feed.validators();
                                return pool.preparedQuery(RECORD_READ).execute(Tuple.of(feed.id(), "ok: "
                                                + unseen.size() + " new items, " + fresh + " submitted"
                                                + (complete ? "" : ", the rest retried next poll"), parsed.title(),
                                                kept.etag(), kept.lastModified()))
                                        .replaceWith(fresh);
                            });
                });
    }

    private Uni<Void> markSeen(DueFeed feed, List<Submitted> done) {
        if (done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = done.stream().map(s -> s.item().getKey()).toArray(String[]::new);
        String[] urls = done.stream().map(s -> s.item().getValue()).toArray(String[]::new);
        return pool.preparedQuery(MARK_SEEN).execute(Tuple.of(feed.id(), ids, urls)).replaceWithVoid();
    }

    private Uni<Void> recordOutcome(DueFeed feed, String outcome) {
        return pool.preparedQuery(RECORD_OUTCOME).execute(Tuple.of(feed.id(), outcome)).replaceWithVoid();
    }

    /** The politeness key, as for pages; a URL that does not parse gets a key of its own. */
    private static String hostOf(String url) {
        try {
            return WebUrl.parse(url).host();
        } catch (InvalidUrlException e) {
            return "";
        }
    }

    /** An item submitted (or found known) by the submission API; {@code fresh}: a new submission was written. */
    private record Submitted(Map.Entry<String, String> item, boolean fresh) {
    }

    /** A claimed subscription, as the poll needs it. */
    private record DueFeed(UUID id, String url, List<String> categories, String title,
                           FetchOutcome.Validators validators) {
        static DueFeed of(Row row) {
            return new DueFeed(row.getUUID("id"), row.getString("url"),
                    FeedCategories.fromColumn(row.getString("categories")), row.getString("title"),
                    new FetchOutcome.Validators(row.getString("etag"), row.getString("last_modified")));
        }

        /** The subscription's categories, or by default the source (host) and the feed (its title). */
        List<String> categoriesOr(String feedTitle) {
            if (!categories.isEmpty()) {
                return categories;
            }
            String host = hostOf(url);
            return feedTitle == null ? List.of(host) : List.of(host, feedTitle);
        }
    }
}
