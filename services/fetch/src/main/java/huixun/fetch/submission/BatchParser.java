package huixun.fetch.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import huixun.pipeline.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch body into lines: a JSON array whose elements are URL strings or {@code {"url": "…"}} objects, or
 * NDJSON with one such value per line (blank lines skipped, still counted). A line holding no URL becomes a line
 * with a {@code null} URL and the reason, so that the answer can report it and accept the others.
 */
final class BatchParser {
    static final int MAX_LINES = 1000;

    /** One line: the URL, or null and why there is none. */
    record Line(int number, String input, String url, String error) {
    }

    private BatchParser() {
    }

    /** @throws ProblemException 400 for a body that is not a batch at all, 413 for more than 1000 lines */
    static List<Line> parse(ObjectMapper json, String body, boolean ndjson) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("invalid-batch", "Invalid batch", "The body must be a JSON array of "
                    + "URLs or NDJSON with one URL per line.");
        }
        List<Line> lines = new ArrayList<>();
        if (ndjson) {
            String[] raw = body.split("\r?\n", -1);
            for (int i = 0; i < raw.length; i++) {
                if (!raw[i].isBlank()) {
                    lines.add(line(json, i + 1, raw[i].strip()));
                }
            }
        } else {
            JsonNode array;
            try {
                array = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw ProblemException.badRequest("invalid-json", "Request body is not valid JSON",
                        e.getOriginalMessage());
            }
            if (!array.isArray()) {
                throw ProblemException.badRequest("invalid-batch", "Invalid batch", "A JSON batch is an array, e.g. "
                        + "[\"https://a.example/1\", {\"url\": \"https://b.example/2\"}]; use application/x-ndjson "
                        + "for one value per line.");
            }
            for (int i = 0; i < array.size(); i++) {
                lines.add(value(i + 1, array.get(i).toString(), array.get(i)));
            }
        }
        if (lines.size() > MAX_LINES) {
            throw new ProblemException("batch-too-large", "Batch too large", 413, "A batch holds at most "
                    + MAX_LINES + " URLs; this one has " + lines.size() + ".");
        }
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("invalid-batch", "Invalid batch", "The batch holds no URL.");
        }
        return lines;
    }

    private static Line line(ObjectMapper json, int number, String text) {
        try {
            return value(number, text, json.readTree(text));
        } catch (JsonProcessingException e) {
            return new Line(number, text, null, "Line " + number + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Line value(int number, String raw, JsonNode node) {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            return new Line(number, node.asText(), node.asText(), null);
        }
        JsonNode url = node == null ? null : node.get("url");
        if (url != null && url.isTextual() && !url.asText().isBlank()) {
            return new Line(number, url.asText(), url.asText(), null);
        }
        return new Line(number, raw, null, "Line " + number + " holds no URL: expected \"https://…\" or "
                + "{\"url\": \"https://…\"}.");
    }
}
