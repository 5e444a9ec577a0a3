package huixun.classify.health;

import huixun.classify.region.GazetteerMatcher;
import huixun.classify.topic.TopicClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the topic model and the gazetteer are loaded (an empty table labels nothing). */
@Readiness
@ApplicationScoped
public class LabelDataHealthCheck implements HealthCheck {
    private final TopicClassifier topics;
    private final GazetteerMatcher regions;

    public LabelDataHealthCheck(TopicClassifier topics, GazetteerMatcher regions) {
        this.topics = topics;
        this.regions = regions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("label-data")
                .status(topics.topicCount() > 0 && regions.regionCount() > 0)
                .withData("topics", topics.topicCount())
                .withData("regions", regions.regionCount())
                .build();
    }
}
