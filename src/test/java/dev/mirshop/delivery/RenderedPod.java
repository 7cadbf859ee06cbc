package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One shop workload of a rendered overlay (`kubectl kustomize`), seen the way the kubelet would start its container:
 * the environment built from envFrom and env (ConfigMaps of the same build, Secrets the test supplies, downward API
 * fields, `$(VAR)` expansion), the user, the read-only root filesystem with its emptyDir mounts, dropped
 * capabilities, the memory limit and the probe paths. Nothing here is typed again: it is all read from the build.
 */
record RenderedPod(String role, String namespace, JsonNode workload, JsonNode container, JsonNode podSpec,
                   JsonNode podLabels) {

    private static final Pattern VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern LABEL_FIELD = Pattern.compile("metadata\\.labels\\['([^']+)'\\]");

    /** A Secret's data as the cluster would hold it, by name (null: not there, which optional refs tolerate). */
    interface Secrets {
        Map<String, String> data(String name);
    }

    record EmptyDir(String mountPath, String sizeLimit) {
    }

    static RenderedPod of(List<ObjectNode> objects, String role) {
        List<ObjectNode> workloads = DeliveryManifestsTest.shopWorkloads(objects).stream()
                .filter(w -> w.path("metadata").path("labels").path("app.kubernetes.io/component").asText().equals(role))
                .toList();
        assertThat(workloads).as("workload of role " + role).hasSize(1);
        JsonNode workload = workloads.get(0);
        JsonNode template = workload.path("spec").path("template");
        JsonNode container = null;
        for (JsonNode c : template.path("spec").path("containers")) {
            if (c.path("name").asText().equals("shop")) {
                container = c;
            }
        }
        assertThat(container).as("container 'shop' of " + Kustomize.id(workload)).isNotNull();
        return new RenderedPod(role, workload.path("metadata").path("namespace").asText(), workload, container,
                template.path("spec"), template.path("metadata").path("labels"));
    }

    /** The container's environment, in the kubelet's order: envFrom sources, then env entries (which win). */
    Map<String, String> environment(List<ObjectNode> objects, Secrets secrets, Map<String, String> downwardApi) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            boolean optional = false;
            Map<String, String> data = null;
            String name;
            if (from.has("configMapRef")) {
                name = from.path("configMapRef").path("name").asText();
                optional = from.path("configMapRef").path("optional").asBoolean(false);
                data = configMap(objects, name).orElse(null);
            } else {
                name = from.path("secretRef").path("name").asText();
                optional = from.path("secretRef").path("optional").asBoolean(false);
                data = secrets.data(name);
            }
            if (data == null) {
                if (!optional) {
                    fail(Kustomize.id(workload) + " needs " + name + ", which the test cannot provide");
                }
                continue;
            }
            data.forEach((k, v) -> env.put(from.path("prefix").asText("") + k, v));
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, expand(e.path("value").asText(), env));
                continue;
            }
            JsonNode from = e.path("valueFrom");
            if (from.has("fieldRef")) {
                String path = from.path("fieldRef").path("fieldPath").asText();
                Matcher label = LABEL_FIELD.matcher(path);
                if (label.matches()) {
                    env.put(name, podLabels.path(label.group(1)).asText());
                } else if (path.equals("metadata.namespace")) {
                    env.put(name, namespace);
                } else if (downwardApi.containsKey(path)) {
                    env.put(name, downwardApi.get(path));
                } else {
                    fail(Kustomize.id(workload) + " env " + name + " reads field " + path + ", which the test does not know");
                }
            } else if (from.has("secretKeyRef") || from.has("configMapKeyRef")) {
                boolean isSecret = from.has("secretKeyRef");
                JsonNode ref = isSecret ? from.path("secretKeyRef") : from.path("configMapKeyRef");
                Map<String, String> data = isSecret ? secrets.data(ref.path("name").asText())
                        : configMap(objects, ref.path("name").asText()).orElse(null);
                String value = data == null ? null : data.get(ref.path("key").asText());
                if (value != null) {
                    env.put(name, value);
                } else if (!ref.path("optional").asBoolean(false)) {
                    fail(Kustomize.id(workload) + " env " + name + " needs " + ref + ", which is not there");
                }
            } else {
                fail(Kustomize.id(workload) + " env " + name + " has a source the test does not know: " + from);
            }
        }
        return env;
    }

    private static String expand(String value, Map<String, String> defined) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = defined.containsKey(m.group(1)) ? defined.get(m.group(1)) : m.group(0);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Optional<Map<String, String>> configMap(List<ObjectNode> objects, String name) {
        for (ObjectNode o : DeliveryManifestsTest.ofKind(objects, "ConfigMap")) {
            if (o.path("metadata").path("name").asText().equals(name)) {
                Map<String, String> data = new LinkedHashMap<>();
                o.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }

    /** The container port named by a probe or the Service ("http") as a number. */
    int containerPort(String name) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(name) || String.valueOf(p.path("containerPort").asInt()).equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        return fail(Kustomize.id(workload) + " has no port " + name);
    }

    String probePath(String probe) {
        String path = container.path(probe).path("httpGet").path("path").asText("");
        assertThat(path).as(probe + " of " + Kustomize.id(workload)).startsWith("/");
        return path;
    }

    /** How long the kubelet lets the container start: startupProbe periodSeconds × failureThreshold. */
    int startupSeconds() {
        JsonNode startup = container.path("startupProbe");
        return startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
    }

    long runAsUser() {
        JsonNode value = container.path("securityContext").path("runAsUser");
        return value.isMissingNode() ? podSpec.path("securityContext").path("runAsUser").asLong(-1) : value.asLong();
    }

    long runAsGroup() {
        JsonNode value = container.path("securityContext").path("runAsGroup");
        return value.isMissingNode() ? podSpec.path("securityContext").path("runAsGroup").asLong(-1) : value.asLong();
    }

    boolean runAsNonRoot() {
        JsonNode value = container.path("securityContext").path("runAsNonRoot");
        return value.isMissingNode() ? podSpec.path("securityContext").path("runAsNonRoot").asBoolean(false) : value.asBoolean();
    }

    boolean readOnlyRootFilesystem() {
        return container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false);
    }

    boolean allowPrivilegeEscalation() {
        return container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true);
    }

    List<String> droppedCapabilities() {
        List<String> dropped = new ArrayList<>();
        container.path("securityContext").path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
        return dropped;
    }

    String memoryLimit() {
        return container.path("resources").path("limits").path("memory").asText("");
    }

    /** Mounts of emptyDir volumes (the only writable places of a read-only pod). */
    List<EmptyDir> emptyDirs() {
        List<EmptyDir> mounts = new ArrayList<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            for (JsonNode volume : podSpec.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())) {
                    if (volume.has("emptyDir")) {
                        mounts.add(new EmptyDir(mount.path("mountPath").asText(),
                                volume.path("emptyDir").path("sizeLimit").asText("")));
                    } else {
                        fail(Kustomize.id(workload) + " mounts volume " + volume + ", which the test cannot provide");
                    }
                }
            }
        }
        return mounts;
    }

    /** Kubernetes quantity (512Mi, 1Gi, 256M) to podman's size syntax (bytes). */
    static String bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?").matcher(quantity);
        if (!m.matches()) {
            return fail("quantity " + quantity + " is not understood by the test");
        }
        long value = Long.parseLong(m.group(1));
        long factor = switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            case "K" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            default -> 1L;
        };
        return String.valueOf(value * factor);
    }
}
