package huixun.publish.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads article versions; {@link ArticleStore} writes them. */
@ApplicationScoped
@WithSession
public class ArticleVersionRepository implements PanacheRepository<ArticleVersion> {
    /** Every version of the article, oldest number first. */
    public Uni<List<ArticleVersion>> of(String articleId) {
        return list("articleId", Sort.by("version"), articleId);
    }

    /** The version numbered {@code version}, or null. */
    public Uni<ArticleVersion> find(String articleId, int version) {
        return find("articleId = ?1 and version = ?2", articleId, version).firstResult();
    }
}
