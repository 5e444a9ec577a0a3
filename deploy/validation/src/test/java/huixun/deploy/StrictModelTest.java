package huixun.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The strict loaders reject what the API server would drop or refuse; OverlayTest relies on that. */
class StrictModelTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void acceptsAKnownKindWithKnownFields() throws IOException {
        assertEquals("fetch", StrictModel.kubernetes(yaml("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: fetch
                automountServiceAccountToken: false
                """)).getMetadata().getName());
    }

    @Test
    void rejectsAMisplacedFieldDeepInADeployment() throws IOException {
        AssertionError error = assertThrows(AssertionError.class, () -> StrictModel.kubernetes(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: fetch
                spec:
                  selector:
                    matchLabels:
                      app: fetch
                  template:
                    spec:
                      containers:
                        - name: fetch
                          image: ghcr.io/huixun/huixun-fetch:0.1.0
                          readOnlyRootFilesystem: true
                """)));
        assertTrue(error.getMessage().contains("readOnlyRootFilesystem"), error.getMessage());
    }

    @Test
    void rejectsAKindTheModelDoesNotKnow() throws IOException {
        assertThrows(AssertionError.class, () -> StrictModel.kubernetes(yaml("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: fetch
                """)));
    }

    @Test
    void rejectsAnUnknownFieldInAStrimziTopic() throws IOException {
        AssertionError error = assertThrows(AssertionError.class, () -> StrictModel.strimzi(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: pages-fetched
                spec:
                  partitions: 3
                  replica: 3
                """)));
        assertTrue(error.getMessage().contains("replica"), error.getMessage());
    }

    @Test
    void rejectsAnUnknownFieldInACloudNativePgCluster() throws IOException {
        CrdSchema schema = CrdSchema.load("crd/postgresql.cnpg.io_clusters.yaml", "v1");
        JsonNode valid = yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: db
                spec:
                  instances: 1
                  storage:
                    size: 1Gi
                """);
        schema.validate(valid);
        JsonNode misspelt = valid.deepCopy();
        ObjectNode storage = (ObjectNode) misspelt.path("spec").path("storage");
        storage.set("sizes", storage.remove("size"));
        AssertionError error = assertThrows(AssertionError.class, () -> schema.validate(misspelt));
        assertTrue(error.getMessage().contains("sizes"), error.getMessage());
    }

    private static JsonNode yaml(String text) throws IOException {
        return YAML.readTree(text);
    }
}
