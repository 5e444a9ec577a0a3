package huixun.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Loads rendered objects into typed models and fails on any field the model does not know. fabric8's and Strimzi's
 * classes keep unknown fields in an {@code additionalProperties} map instead of rejecting them, so after loading
 * the object graph is walked and every non-empty such map is a problem: a misspelt or misplaced field would
 * otherwise be dropped silently by the API server.
 */
final class StrictModel {
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper STRIMZI = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);

    private StrictModel() {
    }

    /** A built-in Kubernetes kind, typed by fabric8's model. */
    static HasMetadata kubernetes(JsonNode node) {
        KubernetesResource resource = KUBERNETES.unmarshal(node.toString(), KubernetesResource.class);
        if (!(resource instanceof HasMetadata typed) || resource instanceof GenericKubernetesResource) {
            throw new AssertionError(describe(node) + ": not a kind fabric8's Kubernetes model knows");
        }
        requireKnownFields(typed, describe(node));
        return typed;
    }

    /** A Strimzi custom resource (kafka.strimzi.io/v1), typed by Strimzi's published API model. */
    static HasMetadata strimzi(JsonNode node) {
        Class<? extends HasMetadata> type = STRIMZI_KINDS.get(node.path("kind").asText());
        if (type == null || !node.path("apiVersion").asText().equals("kafka.strimzi.io/v1")) {
            throw new AssertionError(describe(node) + ": not a Strimzi v1 kind this project uses");
        }
        HasMetadata resource = STRIMZI.convertValue(node, type);
        requireKnownFields(resource, describe(node));
        return resource;
    }

    static String describe(JsonNode node) {
        return node.path("kind").asText() + "/" + node.path("metadata").path("name").asText();
    }

    private static void requireKnownFields(Object root, String name) {
        List<String> unknown = new ArrayList<>();
        walk(root, name, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("unknown fields (the model has no such property): " + unknown);
        }
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> walk(child, path + "." + key, unknown));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object child : collection) {
                walk(child, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value == null || !isModel(value.getClass())) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, value, path);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                walk(child, path + "." + property(getter.getName()), unknown);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api."))
                && !type.isEnum();
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class && method.getName().startsWith("get")
                && method.getReturnType() != void.class;
    }

    private static Object invoke(Method getter, Object target, String path) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(path + ": cannot read " + getter.getName(), e);
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
