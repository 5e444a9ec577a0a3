package huixun.pipeline.json;

import huixun.contracts.Problem;
import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.Label;
import huixun.contracts.events.Origin;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import huixun.contracts.json.EventDeserializer;
import huixun.contracts.json.EventSerializer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Jackson reads and writes the event records, and Kafka instantiates the serde classes, by reflection: a native
 * build must keep them.
 */
@RegisterForReflection(targets = {SubmissionAccepted.class, PageFetched.class, ArticleNormalised.class,
        ArticleClassified.class, StatusChanged.class, Label.class, Origin.class, Problem.class, EventSerializer.class,
        EventDeserializer.SubmissionAcceptedDeserializer.class, EventDeserializer.PageFetchedDeserializer.class,
        EventDeserializer.ArticleNormalisedDeserializer.class, EventDeserializer.ArticleClassifiedDeserializer.class,
        EventDeserializer.StatusChangedDeserializer.class})
final class EventReflection {
    private EventReflection() {
    }
}
