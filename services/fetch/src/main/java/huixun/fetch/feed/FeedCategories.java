package huixun.fetch.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** The {@code categories} column of {@code fetch.feed}: a JSON array of strings. */
final class FeedCategories {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private FeedCategories() {
    }

    static String toColumn(List<String> categories) {
        try {
            return JSON.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    static List<String> fromColumn(String column) {
        try {
            return column == null ? List.of() : JSON.readValue(column, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fetch.feed.categories holds invalid JSON: " + column, e);
        }
    }
}
