package huixun.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import huixun.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay of deploy/k8s renders, loads strictly and keeps the invariants docs/deploy.md promises. */
class OverlayTest {
    /** Resident memory of each service after the local demo (docs/benchmarks.md, "Local stack"), in MB. */
    private static final Map<String, Integer> MEASURED_RSS_MB = Map.of(
            "fetch", 175, "normalise", 176, "classify", 195, "publish", 244);
    /** Room a memory limit leaves above the measured RSS: load, larger pages, the JIT. */
    private static final double MEMORY_HEADROOM = 1.3;
    private static final String NAME = "app.kubernetes.io/name";
    private static final Pattern PINNED_IMAGE = Pattern.compile(
            "[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?(@sha256:[0-9a-f]{64})?");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(password|passwd|secret|token|credential|"
            + "private_key|api_key).*");
    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    /** fetch's submission API; its other endpoints (feed administration, /q/*) stay inside the cluster. */
    private static final Set<String> FETCH_PUBLIC_PATHS = Set.of("/api/v1/submissions", "/api/v1/submissions/batch");

    private static RenderedOverlay overlay(String name) {
        return RENDERED.computeIfAbsent(name, RenderedOverlay::render);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void rendersEveryKindStrictly(String name) {
        RenderedOverlay overlay = overlay(name);
        System.out.printf("overlay=%s objects=%d kinds=%s%n", name, overlay.size(), overlay.counts());

        assertEquals(SourceTree.SERVICES.size(), overlay.all(Deployment.class).size());
        assertEquals(SourceTree.SERVICES.size(), overlay.all(Service.class).size());
        assertEquals(SourceTree.SERVICES.size(), overlay.all(ServiceAccount.class).size());
        assertEquals(SourceTree.SERVICES.size(), overlay.all(PodDisruptionBudget.class).size());
        assertEquals(1, overlay.all(io.strimzi.api.kafka.model.kafka.Kafka.class).size());
        assertEquals(1, overlay.untyped("Cluster").size());
        assertEquals(1, overlay.all(Ingress.class).size());
        assertTrue(overlay.typed().stream().noneMatch(object -> object.getKind().equals("Secret")),
                "no Secret objects in git: secrets are created in the cluster and referenced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void containersAreHardenedAndSized(String name) {
        for (Deployment deployment : overlay(name).all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), service);
            assertEquals(service, pod.getServiceAccountName(), service);
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertEquals(1, pod.getContainers().size(), service);
            assertTrue(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).isEmpty(), service);
            for (Container container : pod.getContainers()) {
                String where = service + "/" + container.getName();
                SecurityContext security = container.getSecurityContext();
                assertNotNull(security, where);
                assertTrue(Boolean.TRUE.equals(security.getRunAsNonRoot())
                        || podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()), where);
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where);
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where);
                assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), where);
                assertTrue(Optional.ofNullable(security.getCapabilities().getAdd()).orElse(List.of()).isEmpty());
                String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                        : podSecurity.getSeccompProfile().getType();
                assertEquals("RuntimeDefault", seccomp, where);
                assertTmpIsAnEmptyDir(pod, container, where);
                assertPinned(container.getImage(), where);
                assertSized(service, container, where);
                assertProbes(service, container, where);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void serviceAccountsMountNoToken(String name) {
        for (ServiceAccount account : overlay(name).all(ServiceAccount.class)) {
            assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), account.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void portsAnnotationsAndServicesMatchTheApplications(String name) {
        RenderedOverlay overlay = overlay(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            int port = SourceTree.httpPort(service);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(List.of(port), container.getPorts().stream().map(ContainerPort::getContainerPort).toList(),
                    service + ": the container port is quarkus.http.port of application.properties");
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), service);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), service);
            assertEquals(String.valueOf(port), annotations.get("prometheus.io/port"), service);
            assertFalse(environment(overlay, container).containsKey("QUARKUS_HTTP_PORT"),
                    service + ": the port comes from application.properties alone");
        }
        for (Service service : overlay.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = overlay.all(Deployment.class).stream().filter(deployment -> deployment
                    .getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, selected.size(), "Service " + service.getMetadata().getName() + " selects " + selector);
            Deployment deployment = selected.get(0);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : service.getSpec().getPorts()) {
                int target = port.getTargetPort().getIntVal() != null ? port.getTargetPort().getIntVal()
                        : container.getPorts().stream()
                        .filter(p -> p.getName().equals(port.getTargetPort().getStrVal()))
                        .findFirst().orElseThrow(() -> new AssertionError(service.getMetadata().getName()
                                + ": no container port " + port.getTargetPort().getStrVal())).getContainerPort();
                assertEquals(SourceTree.httpPort(deployment.getMetadata().getName()), target);
                assertEquals(target, port.getPort(), "services listen on the application's port");
            }
            assertTrue(deployment.getSpec().getSelector().getMatchLabels().entrySet().containsAll(selector.entrySet())
                    || selector.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));
        }
        for (PodDisruptionBudget budget : overlay.all(PodDisruptionBudget.class)) {
            Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
            assertEquals(1, overlay.all(Deployment.class).stream().filter(deployment -> deployment.getSpec()
                    .getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).count());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void secretsAreOnlyReferenced(String name) {
        RenderedOverlay overlay = overlay(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (SECRET_LIKE.matcher(variable.getName()).matches()) {
                        assertTrue(variable.getValue() == null && variable.getValueFrom() != null
                                        && variable.getValueFrom().getSecretKeyRef() != null,
                                variable.getName() + " must come from a Secret (secretKeyRef)");
                    }
                }
            }
        }
        for (ConfigMap config : overlay.all(ConfigMap.class)) {
            config.getData().forEach((key, value) -> assertFalse(SECRET_LIKE.matcher(key).matches(),
                    config.getMetadata().getName() + " holds " + key + ": secrets belong in a Secret"));
        }
        // publish's credentials are CloudNativePG's generated Secret, fetch's token one the operator creates.
        assertEquals(Set.of("huixun-db-app", "huixun-fetch-api"), overlay.all(Deployment.class).stream()
                .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(container -> Optional.ofNullable(container.getEnv()).orElse(List.of()).stream())
                .filter(variable -> variable.getValueFrom() != null)
                .filter(variable -> variable.getValueFrom().getSecretKeyRef() != null)
                .map(variable -> variable.getValueFrom().getSecretKeyRef().getName()).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void servicesWithADatasourceReachTheirDatabase(String name) {
        RenderedOverlay overlay = overlay(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            boolean usesDatabase = SourceTree.defaultConfig(service).containsKey("quarkus.datasource.db-kind");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> environment = environment(overlay, container);
            assertEquals(usesDatabase, environment.containsKey("QUARKUS_DATASOURCE_PASSWORD"), service);
            NetworkPolicy policy = overlay.all(NetworkPolicy.class).stream()
                    .filter(candidate -> candidate.getMetadata().getName().equals(service)).findFirst().orElseThrow();
            boolean egressToDatabase = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                    .anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels()
                            .containsKey("cnpg.io/cluster"));
            assertEquals(usesDatabase, egressToDatabase, service + ": egress to PostgreSQL exactly when it uses it");
            if (usesDatabase) {
                assertTrue(environment.get("QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://huixun-db-rw:"));
                assertTrue(environment.get("QUARKUS_DATASOURCE_JDBC_URL")
                        .startsWith("jdbc:postgresql://huixun-db-rw:"));
                NetworkPolicy database = overlay.all(NetworkPolicy.class).stream()
                        .filter(candidate -> candidate.getMetadata().getName().equals("postgres")).findFirst()
                        .orElseThrow();
                assertTrue(database.getSpec().getIngress().get(0).getFrom().stream().anyMatch(peer ->
                        peer.getPodSelector() != null && service.equals(peer.getPodSelector().getMatchLabels()
                                .get(NAME))), "PostgreSQL admits " + service);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void topicsAreThePipelinesAndFitTheBrokers(String name) {
        RenderedOverlay overlay = overlay(name);
        List<KafkaTopic> topics = overlay.all(KafkaTopic.class);
        assertEquals(Set.copyOf(Topics.all()), topics.stream().map(topic -> topic.getMetadata().getName())
                .collect(Collectors.toSet()));
        int brokers = overlay.all(KafkaNodePool.class).stream().mapToInt(pool -> pool.getSpec().getReplicas()).sum();
        for (KafkaTopic topic : topics) {
            String where = topic.getMetadata().getName();
            assertEquals(Math.min(3, brokers), topic.getSpec().getReplicas(), where);
            int minInSync = ((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue();
            int replicas = topic.getSpec().getReplicas();
            assertTrue(minInSync == 1 && replicas == 1 || minInSync < replicas,
                    where + ": min.insync.replicas must leave a replica to lose");
            assertEquals(33554432, ((Number) topic.getSpec().getConfig().get("max.message.bytes")).intValue(), where);
            assertEquals("huixun", topic.getMetadata().getLabels().get("strimzi.io/cluster"), where);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void scalingStaysWithinPartitionsAndConsumerGroups(String name) {
        RenderedOverlay overlay = overlay(name);
        Map<String, Integer> partitions = overlay.all(KafkaTopic.class).stream().collect(Collectors.toMap(
                topic -> topic.getMetadata().getName(), topic -> topic.getSpec().getPartitions()));
        for (HorizontalPodAutoscaler autoscaler : overlay.all(HorizontalPodAutoscaler.class)) {
            String service = autoscaler.getSpec().getScaleTargetRef().getName();
            assertEquals(1, overlay.all(Deployment.class).stream()
                    .filter(deployment -> deployment.getMetadata().getName().equals(service)).count());
            assertEquals("cpu", autoscaler.getSpec().getMetrics().get(0).getResource().getName());
            for (String topic : SourceTree.consumerGroups(service).keySet()) {
                assertTrue(autoscaler.getSpec().getMaxReplicas() <= partitions.get(topic),
                        service + ": more replicas than partitions of " + topic + " would idle");
            }
        }
        for (JsonNode scaled : overlay.untyped("ScaledObject")) {
            String service = scaled.path("spec").path("scaleTargetRef").path("name").asText();
            Map<String, String> groups = SourceTree.consumerGroups(service);
            assertFalse(groups.isEmpty(), service + " consumes nothing");
            int triggers = 0;
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    String topic = trigger.path("metadata").path("topic").asText();
                    assertEquals(groups.get(topic), trigger.path("metadata").path("consumerGroup").asText(),
                            service + ": the trigger watches the group that consumes " + topic);
                    assertTrue(scaled.path("spec").path("maxReplicaCount").asInt() <= partitions.get(topic));
                    triggers++;
                }
            }
            assertEquals(groups.size(), triggers, service + ": one lag trigger per consumed topic");
            assertTrue(overlay.all(HorizontalPodAutoscaler.class).stream().noneMatch(autoscaler ->
                    autoscaler.getSpec().getScaleTargetRef().getName().equals(service)),
                    service + ": KEDA's HPA and the base HPA would fight");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void networkIsDeniedByDefaultAndOpenedNarrowly(String name) {
        RenderedOverlay overlay = overlay(name);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                && isEmpty(policy.getSpec().getPodSelector().getMatchExpressions())
                && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty()),
                "a default-deny policy for the namespace");
        for (String service : SourceTree.SERVICES) {
            NetworkPolicy policy = policies.stream().filter(candidate -> service.equals(Optional
                    .ofNullable(candidate.getSpec().getPodSelector().getMatchLabels()).orElse(Map.of()).get(NAME)))
                    .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy for " + service));
            boolean fromIngressController = false;
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertFalse(rule.getFrom().isEmpty(), service + ": an ingress rule open to everyone");
                assertEquals(List.of(SourceTree.httpPort(service)), rule.getPorts().stream()
                        .map(port -> port.getPort().getIntVal()).toList(), service);
                fromIngressController |= rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels()
                        .get("kubernetes.io/metadata.name")));
            }
            assertEquals(service.equals("fetch") || service.equals("publish"), fromIngressController,
                    service + ": only fetch's submission API and publish are reachable through the Ingress");
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertFalse(rule.getTo().isEmpty(), service + ": an egress rule open to every address");
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() != null) {
                        assertEquals("fetch", service, service + ": only fetch leaves the cluster");
                        assertInternetOnly(peer, rule.getPorts());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-keda"})
    void ingressExposesOnlyTheSubmissionApiAndPublish(String name) {
        Ingress ingress = overlay(name).all(Ingress.class).get(0);
        for (IngressRule rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String backend = path.getBackend().getService().getName();
                assertTrue(backend.equals("publish") || backend.equals("fetch")
                        && FETCH_PUBLIC_PATHS.contains(path.getPath()) && path.getPathType().equals("Exact"),
                        path.getPath() + " -> " + backend);
                assertFalse(path.getPath().startsWith("/q"), "no /q/* (health, metrics) through the Ingress");
                assertFalse(path.getPath().equals("/") && path.getPathType().equals("Prefix"),
                        "no catch-all path: it would expose /q/*");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "prod-keda"})
    void prodIsReplicatedSpreadAndServedOverTls(String name) {
        RenderedOverlay overlay = overlay(name);
        for (Deployment deployment : overlay.all(Deployment.class)) {
            assertEquals(3, deployment.getSpec().getReplicas());
            assertNotNull(deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity());
        }
        overlay.all(HorizontalPodAutoscaler.class).forEach(autoscaler ->
                assertEquals(3, autoscaler.getSpec().getMinReplicas()));
        overlay.all(PodDisruptionBudget.class).forEach(budget ->
                assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal()));
        Ingress ingress = overlay.all(Ingress.class).get(0);
        assertEquals(ingress.getSpec().getRules().get(0).getHost(),
                ingress.getSpec().getTls().get(0).getHosts().get(0));
        assertEquals(3, overlay.all(KafkaNodePool.class).get(0).getSpec().getReplicas());
        assertEquals(3, overlay.untyped("Cluster").get(0).path("spec").path("instances").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev"})
    void devIsOneOfEach(String name) {
        RenderedOverlay overlay = overlay(name);
        overlay.all(Deployment.class).forEach(deployment -> assertEquals(1, deployment.getSpec().getReplicas()));
        overlay.all(HorizontalPodAutoscaler.class).forEach(autoscaler ->
                assertEquals(1, autoscaler.getSpec().getMaxReplicas()));
        assertEquals(1, overlay.all(KafkaNodePool.class).get(0).getSpec().getReplicas());
        assertEquals(1, overlay.untyped("Cluster").get(0).path("spec").path("instances").asInt());
    }

    private static boolean isEmpty(Object labelsOrExpressions) {
        return labelsOrExpressions == null || labelsOrExpressions instanceof Map<?, ?> map && map.isEmpty()
                || labelsOrExpressions instanceof List<?> list && list.isEmpty();
    }

    private static Map<String, String> environment(RenderedOverlay overlay, Container container) {
        Map<String, String> environment = new TreeMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String map = source.getConfigMapRef().getName();
            ConfigMap config = overlay.all(ConfigMap.class).stream().filter(candidate -> candidate.getMetadata()
                    .getName().equals(map)).findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + map));
            environment.putAll(config.getData());
        }
        Optional.ofNullable(container.getEnv()).orElse(List.of())
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }

    private static void assertTmpIsAnEmptyDir(PodSpec pod, Container container, String where) {
        String volume = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no writable /tmp")).getName();
        Volume tmp = pod.getVolumes().stream().filter(candidate -> candidate.getName().equals(volume)).findFirst()
                .orElseThrow();
        assertNotNull(tmp.getEmptyDir(), where + ": /tmp is an emptyDir");
    }

    private static void assertPinned(String image, String where) {
        assertTrue(PINNED_IMAGE.matcher(image).matches(), where + ": image " + image + " names registry/repository");
        assertTrue(image.contains("@sha256:") || image.lastIndexOf(':') > image.lastIndexOf('/'),
                where + ": image " + image + " has no tag or digest");
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertFalse(tag.equals("latest") || tag.contains("SNAPSHOT"), where + ": image " + image + " is not pinned");
    }

    private static void assertSized(String service, Container container, String where) {
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(requests.get(resource), where + ": no " + resource + " request");
            assertNotNull(limits.get(resource), where + ": no " + resource + " limit");
        }
        // The JVM does not give memory back: a request below the limit only invites eviction under pressure.
        assertEquals(limits.get("memory").getNumericalAmount(), requests.get("memory").getNumericalAmount(), where);
        BigDecimal needed = BigDecimal.valueOf(MEASURED_RSS_MB.get(service) * 1_000_000L * MEMORY_HEADROOM);
        assertTrue(limits.get("memory").getNumericalAmount().compareTo(needed) >= 0,
                where + ": memory limit below the measured RSS plus headroom");
    }

    private static void assertProbes(String service, Container container, String where) {
        assertProbe(container.getStartupProbe(), "/q/health/live", where + " startup");
        assertProbe(container.getLivenessProbe(), "/q/health/live", where + " liveness");
        assertProbe(container.getReadinessProbe(), "/q/health/ready", where + " readiness");
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            HTTPGetAction get = probe.getHttpGet();
            int port = get.getPort().getIntVal() != null ? get.getPort().getIntVal()
                    : container.getPorts().stream().filter(p -> p.getName().equals(get.getPort().getStrVal()))
                    .findFirst().orElseThrow(() -> new AssertionError(where + ": probe port " + get.getPort()))
                    .getContainerPort();
            assertEquals(SourceTree.httpPort(service), port, where + ": probes hit the application's port");
        }
    }

    private static void assertProbe(Probe probe, String path, String where) {
        assertNotNull(probe, where + " probe missing");
        assertNotNull(probe.getHttpGet(), where + " probe is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), where);
    }

    private static void assertInternetOnly(NetworkPolicyPeer peer, List<NetworkPolicyPort> ports) {
        Set<String> excepted = Set.copyOf(peer.getIpBlock().getExcept());
        if (peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
            assertTrue(excepted.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                    "169.254.0.0/16", "127.0.0.0/8", "100.64.0.0/10")), "fetch must not reach private, cluster or "
                    + "metadata addresses: " + excepted);
        } else {
            assertEquals("::/0", peer.getIpBlock().getCidr());
            assertTrue(excepted.containsAll(List.of("fc00::/7", "fe80::/10", "::1/128", "::ffff:0:0/96")),
                    "IPv6: " + excepted);
        }
        assertEquals(Set.of(80, 443), ports.stream().map(port -> port.getPort().getIntVal())
                .collect(Collectors.toSet()), "fetch reaches the internet on 80 and 443 only");
    }
}
