package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.openshift.api.model.monitoring.v1.Probe;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each built object against its kind's schema. Built-in kinds and the monitoring.coreos.com kinds are
 * read into fabric8's Kubernetes model with a Jackson mapper that fails on unknown properties: fabric8's
 * classes collect unknown fields in an "additionalProperties" map through @JsonAnySetter, so the mapper's
 * annotation introspector switches any-setters off. Argo CD and Argo Rollouts kinds have no fabric8 model: the
 * fields they may carry are listed here (from the Argo CRDs, for the parts this repo uses) and their embedded
 * pod and job templates go through fabric8 like any Deployment's.
 */
final class KubernetesSchemas {

    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    static final Map<String, Class<?>> FABRIC8_KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("storage.k8s.io/v1/StorageClass", StorageClass.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("monitoring.coreos.com/v1/Probe", Probe.class),
            Map.entry("monitoring.coreos.com/v1alpha1/AlertmanagerConfig", AlertmanagerConfig.class));

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

    private KubernetesSchemas() {
    }

    /** Problems found in one object; empty when it fits its schema. */
    static List<String> check(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = FABRIC8_KINDS.get(type);
        if (model != null) {
            parse(object, model, "", problems);
            return problems;
        }
        switch (type) {
            case "argoproj.io/v1alpha1/Rollout" -> checkRollout(object, problems);
            case "argoproj.io/v1alpha1/AnalysisTemplate" -> checkAnalysisTemplate(object, problems);
            case "argoproj.io/v1alpha1/Application" -> checkApplication(object, problems);
            case "argoproj.io/v1alpha1/AppProject" -> checkAppProject(object, problems);
            case "external-secrets.io/v1/ExternalSecret" -> checkExternalSecret(object, problems);
            case "external-secrets.io/v1/SecretStore" -> checkSecretStore(object, problems);
            default -> problems.add("no schema known for " + type + ": add it to KubernetesSchemas");
        }
        return problems;
    }

    static void parse(JsonNode node, Class<?> model, String where, List<String> problems) {
        try {
            STRICT.treeToValue(node, model);
        } catch (Exception e) {
            problems.add((where.isEmpty() ? "" : where + ": ") + "does not fit " + model.getSimpleName() + ": "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static void allowOnly(JsonNode node, String where, Set<String> allowed, List<String> problems) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(where + " must be an object");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(where + "." + field + " is not a known field " + allowed);
            }
        }
    }

    static void require(JsonNode node, String where, String field, List<String> problems) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            problems.add(where + "." + field + " is required");
        }
    }

    private static void commonParts(JsonNode object, List<String> problems) {
        allowOnly(object, "", TOP_LEVEL, problems);
        parse(object.path("metadata"), ObjectMeta.class, "metadata", problems);
    }

    private static void checkRollout(JsonNode rollout, List<String> problems) {
        commonParts(rollout, problems);
        JsonNode spec = rollout.path("spec");
        allowOnly(spec, "spec", Set.of("replicas", "selector", "template", "workloadRef", "minReadySeconds",
                "revisionHistoryLimit", "paused", "progressDeadlineSeconds", "progressDeadlineAbort",
                "restartAt", "rollbackWindow", "strategy", "analysis"), problems);
        require(spec, "spec", "selector", problems);
        require(spec, "spec", "template", problems);
        parse(spec.path("selector"), LabelSelector.class, "spec.selector", problems);
        parse(spec.path("template"), PodTemplateSpec.class, "spec.template", problems);
        JsonNode strategy = spec.path("strategy");
        allowOnly(strategy, "spec.strategy", Set.of("blueGreen", "canary"), problems);
        JsonNode blueGreen = strategy.path("blueGreen");
        allowOnly(blueGreen, "spec.strategy.blueGreen", Set.of("activeService", "previewService",
                "previewReplicaCount", "autoPromotionEnabled", "autoPromotionSeconds", "maxUnavailable",
                "scaleDownDelaySeconds", "scaleDownDelayRevisionLimit", "abortScaleDownDelaySeconds",
                "prePromotionAnalysis", "postPromotionAnalysis", "antiAffinity", "previewMetadata",
                "activeMetadata"), problems);
        for (String analysis : List.of("prePromotionAnalysis", "postPromotionAnalysis")) {
            JsonNode run = blueGreen.path(analysis);
            String where = "spec.strategy.blueGreen." + analysis;
            allowOnly(run, where, Set.of("templates", "args", "dryRun", "measurementRetention",
                    "analysisRunMetadata"), problems);
            run.path("templates").forEach(t -> allowOnly(t, where + ".templates[]",
                    Set.of("templateName", "clusterScope"), problems));
            run.path("args").forEach(a -> {
                allowOnly(a, where + ".args[]", Set.of("name", "value", "valueFrom"), problems);
                allowOnly(a.path("valueFrom"), where + ".args[].valueFrom",
                        Set.of("podTemplateHashValue", "fieldRef"), problems);
                String hash = a.path("valueFrom").path("podTemplateHashValue").asText("Latest");
                if (!Set.of("Latest", "Stable").contains(hash)) {
                    problems.add(where + ".args[].valueFrom.podTemplateHashValue must be Latest or Stable");
                }
            });
        }
    }

    private static void checkAnalysisTemplate(JsonNode template, List<String> problems) {
        commonParts(template, problems);
        JsonNode spec = template.path("spec");
        allowOnly(spec, "spec", Set.of("args", "metrics", "dryRun", "measurementRetention"), problems);
        require(spec, "spec", "metrics", problems);
        spec.path("args").forEach(a -> allowOnly(a, "spec.args[]", Set.of("name", "value", "valueFrom"), problems));
        for (JsonNode metric : spec.path("metrics")) {
            String where = "spec.metrics[" + metric.path("name").asText() + "]";
            allowOnly(metric, where, Set.of("name", "interval", "initialDelay", "count", "successCondition",
                    "failureCondition", "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit", "provider"),
                    problems);
            require(metric, where, "name", problems);
            JsonNode provider = metric.path("provider");
            allowOnly(provider, where + ".provider", Set.of("prometheus", "job", "web"), problems);
            allowOnly(provider.path("prometheus"), where + ".provider.prometheus",
                    Set.of("address", "query", "timeout", "insecure", "headers", "authentication"), problems);
            if (provider.has("prometheus")) {
                require(provider.path("prometheus"), where + ".provider.prometheus", "address", problems);
                require(provider.path("prometheus"), where + ".provider.prometheus", "query", problems);
            }
            JsonNode job = provider.path("job");
            if (!job.isMissingNode()) {
                allowOnly(job, where + ".provider.job", Set.of("metadata", "spec"), problems);
                parse(job.path("spec"), JobSpec.class, where + ".provider.job.spec", problems);
            }
        }
    }

    private static void checkApplication(JsonNode app, List<String> problems) {
        commonParts(app, problems);
        JsonNode spec = app.path("spec");
        allowOnly(spec, "spec", Set.of("project", "source", "sources", "destination", "syncPolicy",
                "ignoreDifferences", "info", "revisionHistoryLimit"), problems);
        require(spec, "spec", "project", problems);
        require(spec, "spec", "destination", problems);
        List<JsonNode> sources = new ArrayList<>();
        if (spec.has("source")) {
            sources.add(spec.get("source"));
        }
        spec.path("sources").forEach(sources::add);
        if (sources.isEmpty()) {
            problems.add("spec.source or spec.sources is required");
        }
        for (JsonNode source : sources) {
            allowOnly(source, "spec.source", Set.of("repoURL", "targetRevision", "path", "chart", "helm",
                    "kustomize", "directory", "ref", "name"), problems);
            require(source, "spec.source", "repoURL", problems);
            allowOnly(source.path("helm"), "spec.source.helm", Set.of("releaseName", "values", "valuesObject",
                    "valueFiles", "parameters", "fileParameters", "ignoreMissingValueFiles", "skipCrds",
                    "passCredentials", "version", "namespace", "kubeVersion", "apiVersions"), problems);
        }
        allowOnly(spec.path("destination"), "spec.destination", Set.of("server", "name", "namespace"), problems);
        JsonNode sync = spec.path("syncPolicy");
        allowOnly(sync, "spec.syncPolicy", Set.of("automated", "syncOptions", "retry", "managedNamespaceMetadata"),
                problems);
        allowOnly(sync.path("automated"), "spec.syncPolicy.automated", Set.of("prune", "selfHeal", "allowEmpty",
                "enabled"), problems);
        allowOnly(sync.path("retry"), "spec.syncPolicy.retry", Set.of("limit", "backoff"), problems);
        spec.path("ignoreDifferences").forEach(d -> allowOnly(d, "spec.ignoreDifferences[]", Set.of("group",
                "kind", "name", "namespace", "jsonPointers", "jqPathExpressions", "managedFieldsManagers"),
                problems));
    }

    private static void checkExternalSecret(JsonNode externalSecret, List<String> problems) {
        commonParts(externalSecret, problems);
        JsonNode spec = externalSecret.path("spec");
        allowOnly(spec, "spec", Set.of("refreshInterval", "refreshPolicy", "secretStoreRef", "target", "data",
                "dataFrom"), problems);
        require(spec, "spec", "secretStoreRef", problems);
        allowOnly(spec.path("secretStoreRef"), "spec.secretStoreRef", Set.of("kind", "name"), problems);
        JsonNode target = spec.path("target");
        allowOnly(target, "spec.target", Set.of("name", "creationPolicy", "deletionPolicy", "template",
                "immutable"), problems);
        allowOnly(target.path("template"), "spec.target.template", Set.of("type", "engineVersion", "metadata",
                "mergePolicy", "data", "templateFrom"), problems);
        spec.path("data").forEach(d -> allowOnly(d, "spec.data[]", Set.of("secretKey", "remoteRef", "sourceRef"),
                problems));
        spec.path("dataFrom").forEach(d -> {
            allowOnly(d, "spec.dataFrom[]", Set.of("extract", "find", "rewrite", "sourceRef"), problems);
            allowOnly(d.path("extract"), "spec.dataFrom[].extract", Set.of("key", "property", "version",
                    "conversionStrategy", "decodingStrategy", "metadataPolicy"), problems);
        });
        if (spec.path("data").isEmpty() && spec.path("dataFrom").isEmpty()) {
            problems.add("spec.data or spec.dataFrom is required");
        }
    }

    private static void checkSecretStore(JsonNode store, List<String> problems) {
        commonParts(store, problems);
        JsonNode spec = store.path("spec");
        allowOnly(spec, "spec", Set.of("provider", "controller", "retrySettings", "refreshInterval", "conditions"),
                problems);
        JsonNode aws = spec.path("provider").path("aws");
        allowOnly(spec.path("provider"), "spec.provider", Set.of("aws"), problems);
        allowOnly(aws, "spec.provider.aws", Set.of("service", "region", "role", "auth", "additionalRoles",
                "externalID", "sessionTags", "transitiveTagKeys", "prefix", "secretsManager"), problems);
        if (!Set.of("SecretsManager", "ParameterStore").contains(aws.path("service").asText())) {
            problems.add("spec.provider.aws.service must be SecretsManager or ParameterStore");
        }
        require(aws, "spec.provider.aws", "region", problems);
    }

    private static void checkAppProject(JsonNode project, List<String> problems) {
        commonParts(project, problems);
        allowOnly(project.path("spec"), "spec", Set.of("description", "sourceRepos", "destinations",
                "clusterResourceWhitelist", "clusterResourceBlacklist", "namespaceResourceWhitelist",
                "namespaceResourceBlacklist", "roles", "syncWindows", "sourceNamespaces", "orphanedResources",
                "signatureKeys"), problems);
        require(project.path("spec"), "spec", "sourceRepos", problems);
        require(project.path("spec"), "spec", "destinations", problems);
    }
}
