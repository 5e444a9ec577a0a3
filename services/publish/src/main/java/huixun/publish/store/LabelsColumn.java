package huixun.publish.store;

import huixun.contracts.events.Label;
import huixun.contracts.json.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Labels as the JSON array stored in a jsonb column, written with the events' own JSON mapping. */
@Converter
public class LabelsColumn implements AttributeConverter<List<Label>, String> {
    @Override
    public String convertToDatabaseColumn(List<Label> labels) {
        return new String(EventJson.write(labels == null ? List.of() : labels), StandardCharsets.UTF_8);
    }

    @Override
    public List<Label> convertToEntityAttribute(String json) {
        return json == null ? List.of() : List.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8), Label[].class));
    }
}
