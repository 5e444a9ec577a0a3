package huixun.publish.store;

import huixun.publish.search.ArticleFilter;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads articles; {@link ArticleStore} writes them. */
@ApplicationScoped
@WithSession
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {
    /** Newest first: the order publish first heard of them, ties broken by id so pages never overlap. */
    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Ascending);

    private static final String FACET_LABELS = """
            SELECT l.value ->> 'code', max(l.value ->> 'name'), count(DISTINCT a.id)
            FROM article a, jsonb_array_elements(a.%s) l
            GROUP BY 1 ORDER BY 3 DESC, 1""";
    private static final String FACET_SOURCES = """
            SELECT source, source, count(*) FROM article WHERE source IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1""";

    /**
     * The ids of the articles {@code filter} lets through, newest first: after {@code after} when given (keyset,
     * for cursors), else skipping {@code offset}.
     */
    public Uni<List<String>> ids(ArticleFilter filter, ListPosition after, long offset, int limit) {
        ArticleFilter.Sql sql = filter.toSql();
        String keyset = after == null ? ""
                : " AND (created_at < :afterAt OR (created_at = :afterAt AND id > :afterId))";
        String statement = "SELECT id FROM article WHERE " + sql.condition() + keyset
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(statement, String.class);
            sql.parameters().forEach(query::setParameter);
            if (after != null) {
                query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
            }
            return query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
        });
    }

    /** Whether the article passes {@code filter}; one indexed row, however many articles there are. */
    public Uni<Boolean> matches(String id, ArticleFilter filter) {
        ArticleFilter.Sql sql = filter.toSql();
        return getSession().chain(session -> {
            var query = session.createNativeQuery("SELECT count(*) FROM article WHERE id = :id AND "
                    + sql.condition(), Long.class);
            sql.parameters().forEach(query::setParameter);
            return query.setParameter("id", id).getSingleResult();
        }).map(count -> count > 0);
    }

    /** The newest {@code limit} published articles {@code filter} lets through, newest first. */
    public Uni<List<Article>> newestPublished(ArticleFilter filter, int limit) {
        ArticleFilter.Sql sql = filter.toSql();
        String statement = "SELECT id FROM article WHERE version IS NOT NULL AND " + sql.condition()
                + " ORDER BY created_at DESC, id LIMIT :limit";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(statement, String.class);
            sql.parameters().forEach(query::setParameter);
            return query.setParameter("limit", limit).getResultList();
        }).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Article>of())
                : list("id in ?1", ids).map(found -> {
                    Map<String, Article> byId = found.stream().collect(Collectors.toMap(Article::id,
                            Function.identity()));
                    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
                }));
    }

    /** How many articles {@code filter} lets through. */
    public Uni<Long> count(ArticleFilter filter) {
        ArticleFilter.Sql sql = filter.toSql();
        return getSession().chain(session -> {
            var query = session.createNativeQuery("SELECT count(*) FROM article WHERE " + sql.condition(), Long.class);
            sql.parameters().forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    /** The articles with these ids as {@code projection}, in the order of {@code ids}. */
    public <T> Uni<List<T>> inOrder(List<String> ids, Class<T> projection, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in ?1", ids).project(projection).list().map(found -> {
            Map<String, T> byId = found.stream().collect(Collectors.toMap(idOf, Function.identity()));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    /**
     * The other articles of the article's duplicate cluster (the earliest article and every one naming it as
     * {@code duplicateOf}), newest first, as {@code projection}.
     */
    public <T> Uni<List<T>> cluster(Article article, Class<T> projection) {
        String root = article.details().duplicateOf() != null ? article.details().duplicateOf() : article.id();
        return find("(id = ?1 or details.duplicateOf = ?1) and id <> ?2", NEWEST_FIRST, root, article.id())
                .project(projection).list();
    }

    /** Topic labels with how many articles carry each, most frequent first. */
    public Uni<List<Facet>> topics() {
        return facets(FACET_LABELS.formatted("topics"));
    }

    /** Region labels with how many articles carry each, most frequent first. */
    public Uni<List<Facet>> regions() {
        return facets(FACET_LABELS.formatted("regions"));
    }

    /** People labels with how many articles name each, most frequent first. */
    public Uni<List<Facet>> people() {
        return facets(FACET_LABELS.formatted("people"));
    }

    /** Source hosts with how many articles come from each, most frequent first. */
    public Uni<List<Facet>> sources() {
        return facets(FACET_SOURCES);
    }

    private Uni<List<Facet>> facets(String statement) {
        return getSession()
                .chain(session -> session.createNativeQuery(statement, Object[].class).getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Facet((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                        .toList());
    }
}
