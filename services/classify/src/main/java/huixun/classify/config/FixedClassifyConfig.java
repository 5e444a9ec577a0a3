package huixun.classify.config;

/**
 * The documented defaults, for code that builds the labellers without Quarkus (tests, the CLI benchmark); the
 * fingerprint index in memory unless {@link #persisted()}.
 */
public record FixedClassifyConfig(double topicThreshold, double regionMinShare, int maxDistance, boolean persist)
        implements ClassifyConfig {
    public static final FixedClassifyConfig DEFAULTS = new FixedClassifyConfig(0.15, 0.25, 4, false);

    /** The defaults with the fingerprint index kept in Kafka. */
    public FixedClassifyConfig persisted() {
        return new FixedClassifyConfig(topicThreshold, regionMinShare, maxDistance, true);
    }

    @Override
    public Topic topic() {
        return () -> topicThreshold;
    }

    @Override
    public Region region() {
        return () -> regionMinShare;
    }

    @Override
    public Duplicates duplicates() {
        return new Duplicates() {
            @Override
            public int maxDistance() {
                return maxDistance;
            }

            @Override
            public boolean persist() {
                return persist;
            }
        };
    }
}
