package huixun.publish.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads articles; {@link ArticleStore} writes them. */
@ApplicationScoped
@WithSession
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {
    /** Newest first: the order publish first heard of them, ties broken by id so pages never overlap. */
    static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Ascending);

    /** One page of articles, newest first, as {@code projection} (a record whose components name attributes). */
    public <T> Uni<List<T>> newestFirst(int page, int size, Class<T> projection) {
        return findAll(NEWEST_FIRST).page(Page.of(page, size)).project(projection).list();
    }
}
