package huixun.publish.feeds;

import java.util.Locale;

/** The feed formats served, by file extension. */
public enum FeedFormat {
    RSS("rss_2.0", "application/rss+xml;charset=UTF-8"),
    ATOM("atom_1.0", "application/atom+xml;charset=UTF-8"),
    JSON(null, "application/feed+json;charset=UTF-8");

    private final String romeType;
    private final String mediaType;

    FeedFormat(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    /** Rome's name for the format; null for JSON Feed, which Rome does not write. */
    String romeType() {
        return romeType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of an extension: {@code rss}, {@code atom} or {@code json}. */
    public static FeedFormat of(String extension) {
        return valueOf(extension.toUpperCase(Locale.ROOT));
    }
}
