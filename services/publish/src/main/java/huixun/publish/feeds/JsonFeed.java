package huixun.publish.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/); absent values are left out, as it asks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                @JsonProperty("feed_url") String feedUrl, String description, String language, List<Item> items) {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, @JsonProperty("external_url") String externalUrl, String title,
                @JsonProperty("content_html") String contentHtml,
                @JsonProperty("content_text") String contentText,
                @JsonProperty("date_published") Instant datePublished,
                @JsonProperty("date_modified") Instant dateModified, List<Author> authors, List<String> tags,
                String language) {
    }

    record Author(String name) {
    }
}
