package huixun.contracts.json;

import org.apache.kafka.common.serialization.Serializer;

/** Writes any event as JSON; the Kafka {@code value.serializer} of every outgoing channel. */
public class EventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.write(event);
    }
}
