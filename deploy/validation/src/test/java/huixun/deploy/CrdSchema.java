package huixun.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates custom resources against the OpenAPI v3 schema of their CustomResourceDefinition (for operators that
 * publish no Java model). The API server prunes or, with strict field validation, rejects fields a structural schema
 * does not declare; JSON Schema would allow them, so every object schema that declares properties and does not
 * preserve unknown fields gets {@code additionalProperties: false} first.
 */
final class CrdSchema {
    private final String group;
    private final String kind;
    private final String version;
    private final JsonSchema schema;

    private CrdSchema(String group, String kind, String version, JsonSchema schema) {
        this.group = group;
        this.kind = kind;
        this.version = version;
        this.schema = schema;
    }

    /** The served version {@code version} of the CRD in the test resource {@code resource}. */
    static CrdSchema load(String resource, String version) {
        JsonNode crd;
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            crd = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                JsonNode openApi = served.path("schema").path("openAPIV3Schema").deepCopy();
                closeObjects(openApi);
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
                return new CrdSchema(crd.path("spec").path("group").asText(),
                        crd.path("spec").path("names").path("kind").asText(), version, schema);
            }
        }
        throw new IllegalArgumentException(resource + " serves no version " + version);
    }

    boolean describes(JsonNode object) {
        return object.path("apiVersion").asText().equals(group + "/" + version)
                && object.path("kind").asText().equals(kind);
    }

    void validate(JsonNode object) {
        Set<ValidationMessage> problems = schema.validate(object);
        if (!problems.isEmpty()) {
            throw new AssertionError(StrictModel.describe(object) + " does not match the " + kind + " CRD: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode node) {
            if (node.has("properties") && !node.has("additionalProperties")
                    && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
        }
        for (Iterator<JsonNode> children = schema.elements(); children.hasNext(); ) {
            closeObjects(children.next());
        }
    }
}
