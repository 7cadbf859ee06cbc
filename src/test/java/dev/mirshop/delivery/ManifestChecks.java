package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cross-object checks on one kustomize build: references resolve, namespaces are set, pods are locked down. */
final class ManifestChecks {

    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "StorageClass", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "IngressClass");
    static final Set<String> WORKLOADS = Set.of("Deployment", "Rollout", "StatefulSet", "DaemonSet", "Job");
    private static final Pattern TEMPLATE_ARG = Pattern.compile("\\{\\{\\s*args\\.([A-Za-z0-9_-]+)\\s*}}");

    private final List<ObjectNode> objects;
    private final Set<String> externalSecrets;
    private final List<String> problems = new ArrayList<>();

    private ManifestChecks(List<ObjectNode> objects, Set<String> externalSecrets) {
        this.objects = objects;
        this.externalSecrets = externalSecrets;
    }

    static List<String> check(List<ObjectNode> objects, Set<String> externalSecrets) {
        ManifestChecks checks = new ManifestChecks(objects, externalSecrets);
        checks.run();
        return checks.problems;
    }

    private void run() {
        Set<String> seen = new HashSet<>();
        for (ObjectNode object : objects) {
            String id = Kustomize.id(object);
            if (!seen.add(object.path("apiVersion").asText() + " " + id)) {
                problems.add(id + " is defined twice");
            }
            String kind = object.path("kind").asText();
            String ns = namespace(object);
            if (!CLUSTER_SCOPED.contains(kind) && ns.isEmpty()) {
                problems.add(id + " has no namespace");
            }
            if (CLUSTER_SCOPED.contains(kind) && !ns.isEmpty()) {
                problems.add(id + " is cluster-scoped but has a namespace");
            }
            switch (kind) {
                case "Service" -> checkService(object);
                case "Rollout" -> checkRollout(object);
                case "HorizontalPodAutoscaler" -> checkHpa(object);
                case "PodDisruptionBudget" -> checkSelectsPods(object, object.path("spec").path("selector").path("matchLabels"));
                case "NetworkPolicy" -> checkSelectsPods(object, object.path("spec").path("podSelector").path("matchLabels"));
                case "Ingress" -> checkIngress(object);
                case "ServiceMonitor" -> checkServiceMonitor(object);
                case "AlertmanagerConfig" -> checkSecretRefs(object, object.path("spec"));
                case "AnalysisTemplate" -> checkAnalysisTemplate(object);
                case "ExternalSecret" -> {
                    JsonNode store = object.path("spec").path("secretStoreRef");
                    if (!exists(store.path("kind").asText("SecretStore"), ns, store.path("name").asText())) {
                        problems.add(id + " uses missing " + store.path("kind").asText("SecretStore") + " "
                                + store.path("name").asText());
                    }
                }
                default -> {
                }
            }
            if (WORKLOADS.contains(kind)) {
                checkPodTemplate(object, podTemplate(object));
            }
        }
    }

    static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText("");
    }

    static JsonNode podTemplate(JsonNode workload) {
        return workload.path("spec").path("template");
    }

    List<ObjectNode> find(String kind, String ns) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> ns == null || namespace(o).equals(ns)).toList();
    }

    boolean exists(String kind, String ns, String name) {
        return find(kind, ns).stream().anyMatch(o -> name(o).equals(name));
    }

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Objects.equals(labels.path(e.getKey()).asText(null), e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private boolean selectsSomePod(String ns, JsonNode selector) {
        return objects.stream()
                .filter(o -> WORKLOADS.contains(o.path("kind").asText()) && namespace(o).equals(ns))
                .anyMatch(w -> matches(selector, podTemplate(w).path("metadata").path("labels")));
    }

    private void checkSelectsPods(ObjectNode object, JsonNode selector) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return; // an empty selector selects every pod of the namespace
        }
        if (!selectsSomePod(namespace(object), selector)) {
            problems.add(Kustomize.id(object) + " selects no pod: " + selector);
        }
    }

    private void checkService(ObjectNode service) {
        JsonNode selector = service.path("spec").path("selector");
        if (!selectsSomePod(namespace(service), selector)) {
            problems.add(Kustomize.id(service) + " selector " + selector + " matches no pod template");
        }
    }

    private void checkRollout(ObjectNode rollout) {
        String ns = namespace(rollout);
        JsonNode spec = rollout.path("spec");
        if (!matches(spec.path("selector").path("matchLabels"), podTemplate(rollout).path("metadata").path("labels"))) {
            problems.add(Kustomize.id(rollout) + " selector does not match its pod template");
        }
        JsonNode blueGreen = spec.path("strategy").path("blueGreen");
        for (String field : List.of("activeService", "previewService")) {
            String service = blueGreen.path(field).asText("");
            if (service.isEmpty() || !exists("Service", ns, service)) {
                problems.add(Kustomize.id(rollout) + " " + field + " '" + service + "' is not a Service in " + ns);
            }
        }
        for (String analysis : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
            JsonNode run = blueGreen.path(analysis);
            Set<String> given = new HashSet<>();
            run.path("args").forEach(a -> given.add(a.path("name").asText()));
            for (JsonNode ref : run.path("templates")) {
                String templateName = ref.path("templateName").asText();
                List<ObjectNode> templates = find("AnalysisTemplate", ns).stream()
                        .filter(t -> name(t).equals(templateName)).toList();
                if (templates.isEmpty()) {
                    problems.add(Kustomize.id(rollout) + " " + analysis + " uses missing AnalysisTemplate " + templateName);
                    continue;
                }
                for (JsonNode arg : templates.get(0).path("spec").path("args")) {
                    if (!arg.has("value") && !arg.has("valueFrom") && !given.contains(arg.path("name").asText())) {
                        problems.add(Kustomize.id(rollout) + " " + analysis + " does not pass argument "
                                + arg.path("name").asText() + " that " + templateName + " requires");
                    }
                }
            }
        }
    }

    private void checkAnalysisTemplate(ObjectNode template) {
        Set<String> declared = new HashSet<>();
        template.path("spec").path("args").forEach(a -> declared.add(a.path("name").asText()));
        Matcher used = TEMPLATE_ARG.matcher(template.path("spec").toString());
        while (used.find()) {
            if (!declared.contains(used.group(1))) {
                problems.add(Kustomize.id(template) + " uses {{args." + used.group(1) + "}} that it does not declare");
            }
        }
        for (JsonNode metric : template.path("spec").path("metrics")) {
            JsonNode job = metric.path("provider").path("job");
            if (!job.isMissingNode()) {
                checkPodTemplate(template, job.path("spec").path("template"));
            }
        }
    }

    private void checkHpa(ObjectNode hpa) {
        JsonNode target = hpa.path("spec").path("scaleTargetRef");
        if (!exists(target.path("kind").asText(), namespace(hpa), target.path("name").asText())) {
            problems.add(Kustomize.id(hpa) + " scales missing " + target.path("kind").asText() + " "
                    + target.path("name").asText());
        }
    }

    private void checkIngress(ObjectNode ingress) {
        String ns = namespace(ingress);
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                String serviceName = backend.path("name").asText();
                List<ObjectNode> services = find("Service", ns).stream().filter(s -> name(s).equals(serviceName)).toList();
                if (services.isEmpty()) {
                    problems.add(Kustomize.id(ingress) + " path " + path.path("path").asText()
                            + " goes to missing Service " + serviceName);
                    continue;
                }
                JsonNode port = backend.path("port");
                boolean portExists = false;
                for (JsonNode p : services.get(0).path("spec").path("ports")) {
                    portExists |= port.has("name") ? p.path("name").asText().equals(port.path("name").asText())
                            : p.path("port").asInt() == port.path("number").asInt();
                }
                if (!portExists) {
                    problems.add(Kustomize.id(ingress) + " path " + path.path("path").asText() + " uses port "
                            + port + " that Service " + serviceName + " does not have");
                }
            }
        }
    }

    private void checkServiceMonitor(ObjectNode monitor) {
        JsonNode spec = monitor.path("spec");
        List<String> namespaces = new ArrayList<>();
        spec.path("namespaceSelector").path("matchNames").forEach(n -> namespaces.add(n.asText()));
        if (namespaces.isEmpty()) {
            namespaces.add(namespace(monitor));
        }
        List<ObjectNode> selected = objects.stream().filter(o -> o.path("kind").asText().equals("Service"))
                .filter(s -> namespaces.contains(namespace(s)))
                .filter(s -> matches(spec.path("selector").path("matchLabels"), s.path("metadata").path("labels")))
                .toList();
        if (selected.isEmpty()) {
            problems.add(Kustomize.id(monitor) + " selects no Service");
        }
        for (JsonNode endpoint : spec.path("endpoints")) {
            String port = endpoint.path("port").asText();
            for (ObjectNode service : selected) {
                boolean has = false;
                for (JsonNode p : service.path("spec").path("ports")) {
                    has |= p.path("name").asText().equals(port);
                }
                if (!has) {
                    problems.add(Kustomize.id(monitor) + " scrapes port " + port + " that " + Kustomize.id(service)
                            + " does not name");
                }
            }
        }
    }

    /** Any {name, key} pair under an AlertmanagerConfig's receivers refers to a Secret of its namespace. */
    private void checkSecretRefs(ObjectNode owner, JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 2 && node.has("name") && node.has("key") && node.path("key").isTextual()) {
                requireSecret(owner, node.path("name").asText());
            }
            node.elements().forEachRemaining(child -> checkSecretRefs(owner, child));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> checkSecretRefs(owner, child));
        }
    }

    private boolean madeByExternalSecret(String ns, String secret) {
        return find("ExternalSecret", ns).stream()
                .anyMatch(e -> e.path("spec").path("target").path("name").asText(name(e)).equals(secret));
    }

    private void requireSecret(ObjectNode owner, String secret) {
        String ns = namespace(owner);
        if (!exists("Secret", ns, secret) && !madeByExternalSecret(ns, secret) && !externalSecrets.contains(ns + "/" + secret)) {
            problems.add(Kustomize.id(owner) + " needs Secret " + ns + "/" + secret
                    + ", which is neither built nor listed as external in docs/deploy.md");
        }
    }

    private void requireConfigMap(ObjectNode owner, String configMap) {
        if (!exists("ConfigMap", namespace(owner), configMap)) {
            problems.add(Kustomize.id(owner) + " needs missing ConfigMap " + namespace(owner) + "/" + configMap);
        }
    }

    private void checkPodTemplate(ObjectNode owner, JsonNode template) {
        String id = Kustomize.id(owner);
        JsonNode pod = template.path("spec");
        String serviceAccount = pod.path("serviceAccountName").asText("default");
        if (!serviceAccount.equals("default") && !exists("ServiceAccount", namespace(owner), serviceAccount)) {
            problems.add(id + " runs as missing ServiceAccount " + serviceAccount);
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("configMap")) {
                requireConfigMap(owner, volume.path("configMap").path("name").asText());
            }
            if (volume.has("secret")) {
                requireSecret(owner, volume.path("secret").path("secretName").asText());
            }
        }
        boolean podNonRoot = pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode c : containers) {
            String where = id + " container " + c.path("name").asText();
            for (JsonNode from : c.path("envFrom")) {
                if (from.has("configMapRef")) {
                    requireConfigMap(owner, from.path("configMapRef").path("name").asText());
                }
                if (from.has("secretRef")) {
                    requireSecret(owner, from.path("secretRef").path("name").asText());
                }
            }
            for (JsonNode env : c.path("env")) {
                JsonNode ref = env.path("valueFrom");
                if (ref.has("configMapKeyRef")) {
                    requireConfigMap(owner, ref.path("configMapKeyRef").path("name").asText());
                }
                if (ref.has("secretKeyRef")) {
                    requireSecret(owner, ref.path("secretKeyRef").path("name").asText());
                }
            }
            JsonNode sc = c.path("securityContext");
            if (!podNonRoot && !sc.path("runAsNonRoot").asBoolean(false)) {
                problems.add(where + " may run as root (runAsNonRoot not set)");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + " has a writable root filesystem");
            }
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + " allows privilege escalation");
            }
            boolean dropsAll = false;
            for (JsonNode cap : sc.path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
            }
            if (!dropsAll) {
                problems.add(where + " does not drop ALL capabilities");
            }
            JsonNode resources = c.path("resources");
            if (resources.path("requests").path("cpu").isMissingNode()
                    || resources.path("requests").path("memory").isMissingNode()
                    || resources.path("limits").path("memory").isMissingNode()) {
                problems.add(where + " lacks cpu/memory requests or a memory limit");
            }
        }
    }
}
