package huixun.publish.store;

import huixun.contracts.json.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A list of strings (feed categories, a site's sections) as the JSON array stored in a jsonb column. */
@Converter
public class StringsColumn implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return new String(EventJson.write(values == null ? List.of() : values), StandardCharsets.UTF_8);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return json == null ? List.of()
                : List.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8), String[].class));
    }
}
