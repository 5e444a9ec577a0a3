package huixun.publish.api;

import huixun.contracts.ArticleId;
import huixun.pipeline.problem.ProblemException;
import huixun.publish.search.ArticleFilter;
import huixun.publish.store.Article;
import huixun.publish.store.ArticleRepository;
import huixun.publish.store.ListPosition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Articles from raw request parameters, validated: one article by id, or a page of the filtered list. The JSON API's
 * and the web reader's, so both answer a bad parameter alike.
 */
@ApplicationScoped
public class ArticleLookup {
    private final ArticleRepository articles;

    public ArticleLookup(ArticleRepository articles) {
        this.articles = articles;
    }

    /** The article; a 400 or 404 problem when the id is malformed or unknown. */
    public Uni<Article> one(String id) {
        if (!ArticleId.isValid(id)) {
            throw ProblemException.badRequest("invalid-article-id", "Invalid article id",
                    "An article id is 16 lower-case hexadecimal digits.");
        }
        return articles.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("article-not-found", "Article not found",
                        "No article has the id " + id + "."));
    }

    /**
     * The page the parameters ask for, validated first (a 400 problem naming the parameter otherwise). Parsed here
     * rather than bound as int: JAX-RS answers an unparsable query parameter with 404.
     */
    public Uni<ArticlePage> page(FilterParameters filters, String page, String size, String cursor) {
        int pageSize = ListRequest.size(size == null ? "20" : size);
        ArticleFilter filter = ListRequest.filter(filters);
        ListPosition after = ListRequest.position(cursor);
        if (after != null && page != null) {
            throw ListRequest.invalid("page and cursor exclude each other: a cursor already says where to go on");
        }
        Integer pageNumber = after != null ? null : ListRequest.page(page == null ? "0" : page);
        long offset = pageNumber == null ? 0 : (long) pageNumber * pageSize;
        return articles.ids(filter, after, offset, pageSize)
                .chain(ids -> articles.inOrder(ids, ArticleSummary.class, ArticleSummary::id))
                .chain(items -> articles.count(filter).map(total -> {
                    ArticleSummary last = items.isEmpty() ? null : items.get(items.size() - 1);
                    String next = items.size() < pageSize || last == null ? null
                            : ListRequest.cursor(new ListPosition(last.createdAt(), last.id()));
                    return new ArticlePage(items, pageNumber, pageSize, total, next);
                }));
    }
}
