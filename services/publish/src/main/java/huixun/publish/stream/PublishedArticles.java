package huixun.publish.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ids of articles whose content publish has just stored (a first publication or a new version), announced after
 * the store transaction committed, to every open {@code GET /api/v1/stream}. Not persisted: a client that was not
 * connected catches up from the list.
 */
@ApplicationScoped
public class PublishedArticles {
    // A subscriber slower than this many announcements is failed rather than allowed to hold memory; its client
    // reconnects and catches up from the list.
    private static final int BACKLOG = 1_000;

    private final BroadcastProcessor<String> processor = BroadcastProcessor.create();

    /** Tells every subscriber that the article's content was stored. */
    public void announce(String articleId) {
        processor.onNext(articleId);
    }

    /** Article ids announced from now on. */
    public Multi<String> fromNow() {
        return processor.onOverflow().buffer(BACKLOG);
    }
}
