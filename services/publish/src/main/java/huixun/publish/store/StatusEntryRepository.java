package huixun.publish.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads article timelines; {@link ArticleStore} appends to them. */
@ApplicationScoped
@WithSession
public class StatusEntryRepository implements PanacheRepository<StatusEntry> {
    /** The article's timeline by time, ties in arrival order. */
    public Uni<List<StatusEntry>> timeline(String articleId) {
        return list("articleId", Sort.by("reachedAt").and("id"), articleId);
    }

    /** One submission's statuses by time, ties in arrival order; empty when no stage reported it. */
    public Uni<List<StatusEntry>> ofSubmission(String submissionId) {
        return list("submissionId", Sort.by("reachedAt").and("id"), submissionId);
    }

    /** The article's timeline in arrival order, the order {@link StatusTimeline} reads it in. */
    Uni<List<StatusEntry>> inArrivalOrder(String articleId) {
        return list("articleId", Sort.by("id"), articleId);
    }
}
