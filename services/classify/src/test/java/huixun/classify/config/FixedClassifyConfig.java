package huixun.classify.config;

/** The documented defaults, for unit tests that build matchers without Quarkus. */
public record FixedClassifyConfig(double topicThreshold, double regionMinShare) implements ClassifyConfig {
    public static final ClassifyConfig DEFAULTS = new FixedClassifyConfig(0.15, 0.25);

    @Override
    public Topic topic() {
        return () -> topicThreshold;
    }

    @Override
    public Region region() {
        return () -> regionMinShare;
    }
}
