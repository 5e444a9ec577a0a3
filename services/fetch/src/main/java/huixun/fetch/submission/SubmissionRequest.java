package huixun.fetch.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/submissions}. */
public record SubmissionRequest(
        @Schema(description = "Absolute http or https URL of a news article, at most 2048 characters",
                examples = "https://www.example.cn/news/2021/08/02/1.html", required = true)
        String url) {
}
