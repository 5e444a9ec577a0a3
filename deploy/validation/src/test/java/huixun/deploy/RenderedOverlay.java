package huixun.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One overlay of deploy/k8s, rendered and loaded strictly: built-in kinds typed by fabric8, Strimzi kinds by
 * Strimzi's model, CloudNativePG's Cluster checked against its CRD, KEDA's ScaledObject kept as a tree (checked by
 * {@link OverlayTest} against the deployments and topics it names).
 */
record RenderedOverlay(String name, List<HasMetadata> typed, List<JsonNode> untyped) {
    private static final CrdSchema CNPG_CLUSTER = CrdSchema.load("crd/postgresql.cnpg.io_clusters.yaml", "v1");

    static RenderedOverlay render(String overlay) {
        Path directory = SourceTree.deploy().resolve("k8s/overlays").resolve(overlay);
        List<HasMetadata> typed = new ArrayList<>();
        List<JsonNode> untyped = new ArrayList<>();
        for (JsonNode object : Kustomize.render(directory)) {
            String apiVersion = object.path("apiVersion").asText();
            if (apiVersion.startsWith("kafka.strimzi.io/")) {
                typed.add(StrictModel.strimzi(object));
            } else if (CNPG_CLUSTER.describes(object)) {
                CNPG_CLUSTER.validate(object);
                untyped.add(object);
            } else if (apiVersion.equals("keda.sh/v1alpha1") && object.path("kind").asText().equals("ScaledObject")) {
                untyped.add(object);
            } else {
                typed.add(StrictModel.kubernetes(object));
            }
        }
        return new RenderedOverlay(overlay, typed, untyped);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<JsonNode> untyped(String kind) {
        return untyped.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
    }

    /** Objects per kind, for the report. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        typed.forEach(object -> counts.merge(object.getKind(), 1, Integer::sum));
        untyped.forEach(object -> counts.merge(object.path("kind").asText(), 1, Integer::sum));
        return counts;
    }

    int size() {
        return typed.size() + untyped.size();
    }
}
