package huixun.contracts.json;

import huixun.contracts.events.ArticleClassified;
import huixun.contracts.events.ArticleNormalised;
import huixun.contracts.events.PageFetched;
import huixun.contracts.events.PipelineEvent;
import huixun.contracts.events.StatusChanged;
import huixun.contracts.events.SubmissionAccepted;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one event type from JSON and rejects a schema version it does not know, so the record goes to the
 * dead-letter topic instead of being half-understood. Kafka instantiates deserializers by class name, hence one
 * nested class per event, e.g. {@code huixun.contracts.json.EventDeserializer$PageFetchedDeserializer}.
 */
public abstract class EventDeserializer<T extends PipelineEvent> implements Deserializer<T> {
    private final Class<T> type;
    private final int schemaVersion;

    protected EventDeserializer(Class<T> type, int schemaVersion) {
        this.type = type;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        T event;
        try {
            event = EventJson.read(data, type);
        } catch (RuntimeException e) {
            throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
        }
        if (event.schemaVersion() != schemaVersion) {
            throw new SerializationException("topic " + topic + ": " + type.getSimpleName() + " schema version "
                    + event.schemaVersion() + " is not " + schemaVersion);
        }
        return event;
    }

    public static class SubmissionAcceptedDeserializer extends EventDeserializer<SubmissionAccepted> {
        public SubmissionAcceptedDeserializer() {
            super(SubmissionAccepted.class, SubmissionAccepted.SCHEMA_VERSION);
        }
    }

    public static class PageFetchedDeserializer extends EventDeserializer<PageFetched> {
        public PageFetchedDeserializer() {
            super(PageFetched.class, PageFetched.SCHEMA_VERSION);
        }
    }

    public static class ArticleNormalisedDeserializer extends EventDeserializer<ArticleNormalised> {
        public ArticleNormalisedDeserializer() {
            super(ArticleNormalised.class, ArticleNormalised.SCHEMA_VERSION);
        }
    }

    public static class ArticleClassifiedDeserializer extends EventDeserializer<ArticleClassified> {
        public ArticleClassifiedDeserializer() {
            super(ArticleClassified.class, ArticleClassified.SCHEMA_VERSION);
        }
    }

    public static class StatusChangedDeserializer extends EventDeserializer<StatusChanged> {
        public StatusChangedDeserializer() {
            super(StatusChanged.class, StatusChanged.SCHEMA_VERSION);
        }
    }
}
