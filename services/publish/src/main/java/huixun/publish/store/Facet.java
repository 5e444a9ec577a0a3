package huixun.publish.store;

/**
 * A value articles can be filtered by and how many articles have it.
 *
 * @param code  the label code, or the source host
 * @param name  the label's human-readable name; the host again for a source
 * @param count how many articles have it
 */
public record Facet(String code, String name, long count) {
}
