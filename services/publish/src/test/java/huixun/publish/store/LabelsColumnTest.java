package huixun.publish.store;

import huixun.contracts.events.Label;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelsColumnTest {
    private final LabelsColumn column = new LabelsColumn();

    @Test
    void labelsRoundTripAsAJsonArrayBestFirst() {
        List<Label> labels = List.of(new Label("CN-GD", "广东", 0.87), new Label("CN-BJ", "北京", 0.2));
        String json = column.convertToDatabaseColumn(labels);
        assertEquals('[', json.charAt(0));
        assertEquals(labels, column.convertToEntityAttribute(json));
    }

    @Test
    void noLabelsIsAnEmptyArray() {
        assertEquals("[]", column.convertToDatabaseColumn(null));
        assertEquals(List.of(), column.convertToEntityAttribute("[]"));
    }
}
