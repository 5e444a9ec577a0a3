package huixun.contracts.events;

/**
 * A classification label with its score in [0, 1].
 *
 * @param code a stable code: an IPTC Media Topic code for topics, an ISO 3166 code for regions
 * @param name a human-readable name
 */
public record Label(String code, String name, double score) {
}
