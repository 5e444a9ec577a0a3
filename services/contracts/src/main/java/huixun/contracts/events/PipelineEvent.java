package huixun.contracts.events;

/**
 * What every event carries: the schema version it was written with, the article id (the Kafka key of every topic
 * but submissions) and the submission it belongs to.
 */
public sealed interface PipelineEvent
        permits SubmissionAccepted, PageFetched, ArticleNormalised, ArticleClassified, StatusChanged {
    int schemaVersion();

    String articleId();

    String submissionId();
}
