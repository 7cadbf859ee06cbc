package dev.mirshop.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What YACE v0.67.0 exports for the configuration of our Argo CD Application
 * (kubernetes/platform/base/addons/prometheus-yet-another-cloudwatch-exporter.yaml), named the way YACE names it:
 * {@link #metricName} is pkg/promutil/migrate.go BuildMetricName, {@link #sanitize} its label-name sanitizing, both
 * checked against upstream's own cases (src/test/resources/upstream/yace.yaml) by CloudWatchMetricsTest. The
 * DashboardQueriesTest serves {@link #exposition} to its Prometheus in YACE's place, so panels on CloudWatch series
 * are run against the names and labels YACE would give them.
 */
public final class CloudWatchExporter {

    public static final Path APPLICATION = Path.of("kubernetes/platform/base/addons/prometheus-yet-another-cloudwatch-exporter.yaml");
    public static final Path UPSTREAM = Path.of("src/test/resources/upstream/yace.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CloudWatchExporter() {
    }

    /** One exported series family: a metric and statistic of a discovery job, with the job's effective settings. */
    public record Family(String name, String namespace, String metric, String statistic, List<String> dimensions,
                         List<String> tags, long period, long length, boolean nilToZero, JsonNode metricConfig) {
    }

    public static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode upstream() {
        return readYaml(UPSTREAM);
    }

    public static JsonNode values() {
        return readYaml(APPLICATION).path("spec").path("source").path("helm").path("valuesObject");
    }

    /** YACE's own configuration file, the chart's `config` value. */
    public static JsonNode config() {
        try {
            return YAML.readTree(values().path("config").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every series family the discovery jobs export (statistics at metric level win over the job's). */
    public static List<Family> families() {
        JsonNode config = config();
        JsonNode defaults = upstream().path("config");
        List<Family> families = new ArrayList<>();
        for (JsonNode job : config.path("discovery").path("jobs")) {
            String namespace = job.path("type").asText();
            List<String> dimensions = new ArrayList<>();
            job.path("dimensionNameRequirements").forEach(d -> dimensions.add(d.asText()));
            List<String> tags = new ArrayList<>();
            config.path("discovery").path("exportedTagsOnMetrics").path(namespace).forEach(t -> tags.add(t.asText()));
            for (JsonNode metric : job.path("metrics")) {
                JsonNode statistics = metric.has("statistics") ? metric.path("statistics") : job.path("statistics");
                long period = metric.path("period").asLong(job.path("period").asLong(defaults.path("defaultPeriod").asLong()));
                long length = metric.path("length").asLong(job.path("length").asLong(defaults.path("defaultLength").asLong()));
                boolean nilToZero = metric.path("nilToZero").asBoolean(job.path("nilToZero").asBoolean(defaults.path("nilToZeroDefault").asBoolean()));
                for (JsonNode statistic : statistics) {
                    families.add(new Family(metricName(namespace, metric.path("name").asText(), statistic.asText()), namespace,
                            metric.path("name").asText(), statistic.asText(), dimensions, tags, period, length, nilToZero, metric));
                }
            }
        }
        return families;
    }

    /** The labels YACE puts on a family's series: name, dimension_*, tag_*, region, account_id. */
    public static List<String> labels(Family family) {
        JsonNode upstream = upstream().path("labels");
        List<String> labels = new ArrayList<>(List.of(upstream.path("resource").asText()));
        family.dimensions().forEach(d -> labels.add(upstream.path("dimensionPrefix").asText() + sanitize(d)));
        family.tags().forEach(t -> labels.add(upstream.path("tagPrefix").asText() + sanitize(t)));
        upstream.path("context").forEach(c -> labels.add(c.asText()));
        return labels;
    }

    /** pkg/promutil/migrate.go BuildMetricName at v0.67.0. */
    public static String metricName(String namespace, String metricName, String statistic) {
        StringBuilder out = new StringBuilder();
        String promNs = promString((namespace.startsWith("/") ? namespace.substring(1) : namespace).toLowerCase());
        if (!promNs.startsWith("aws")) {
            out.append("aws_");
        }
        out.append(promNs).append('_');
        String promMetric = promString(metricName);
        int skip = 0;
        for (String part : promNs.split("_", -1)) {
            if (promMetric.substring(skip).startsWith(part)) {
                skip = part.length();
            }
        }
        promMetric = promMetric.substring(skip);
        if (promMetric.startsWith("_")) {
            promMetric = promMetric.substring(1);
        }
        out.append(promMetric);
        if (!statistic.isEmpty()) {
            out.append('_').append(promString(statistic));
        }
        return out.toString();
    }

    /** pkg/promutil/prometheus.go PromStringToBuilder at v0.67.0. */
    static String promString(String text) {
        StringBuilder out = new StringBuilder();
        int prev = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            String replaced = replacement(c);
            if (replaced != null) {
                out.append(replaced);
            } else {
                if (Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev))) {
                    out.append('_');
                }
                out.appendCodePoint(Character.toLowerCase(c));
            }
            prev = c;
        }
        return out.toString();
    }

    /** pkg/promutil/prometheus.go sanitize (labels-snake-case false, YACE's default) at v0.67.0. */
    public static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String replaced = replacement(c);
            if (replaced != null) {
                out.append(replaced);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The characters both replace: the separators with "_", % with "_percent"; null for any other. */
    private static String replacement(int c) {
        return switch (c) {
            case ' ', ',', '\t', '/', '\\', '.', '-', ':', '=', '@', '<', '>', '(', ')', '\u201C' -> "_";
            case '%' -> "_percent";
            default -> null;
        };
    }

    /**
     * A /metrics page as YACE would serve it for one ALB (two target groups) and one RDS instance tagged
     * Environment=env: every family of the configuration, with a plausible value.
     */
    public static String exposition(String env) {
        String account = "111122223333";
        String lb = "app/k8s-mirshop-0a1b2c3d4e/0123456789abcdef";
        String lbArn = "arn:aws:elasticloadbalancing:eu-west-1:" + account + ":loadbalancer/" + lb;
        Map<String, String> resourceOf = Map.of(
                "LoadBalancer", lb,
                "DBInstanceIdentifier", "mir-shop-" + env);
        List<String> targetGroups = List.of("targetgroup/k8s-ecommerc-storefro-0a1b2c3d4e/0123456789abcdef",
                "targetgroup/k8s-ecommerc-ads-0a1b2c3d4e/fedcba9876543210");
        StringBuilder out = new StringBuilder();
        for (Family family : families()) {
            List<Map<String, String>> resources = new ArrayList<>();
            if (family.dimensions().contains("TargetGroup")) {
                for (String tg : targetGroups) {
                    resources.add(Map.of("LoadBalancer", lb, "TargetGroup", tg,
                            "name", "arn:aws:elasticloadbalancing:eu-west-1:" + account + ":" + tg));
                }
            } else if (family.namespace().equals("AWS/RDS")) {
                resources.add(Map.of("DBInstanceIdentifier", resourceOf.get("DBInstanceIdentifier"),
                        "name", "arn:aws:rds:eu-west-1:" + account + ":db:mir-shop-" + env));
            } else {
                resources.add(Map.of("LoadBalancer", lb, "name", lbArn));
            }
            out.append("# HELP ").append(family.name()).append(" Help is not implemented yet.\n");
            out.append("# TYPE ").append(family.name()).append(" gauge\n");
            for (Map<String, String> resource : resources) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("name", resource.get("name"));
                family.dimensions().forEach(d -> labels.put("dimension_" + sanitize(d), resource.get(d)));
                family.tags().forEach(t -> labels.put("tag_" + sanitize(t), t.equals("Environment") ? env : ""));
                labels.put("region", "eu-west-1");
                labels.put("account_id", account);
                out.append(family.name()).append('{')
                        .append(labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(",")))
                        .append("} ").append(plausibleValue(family)).append('\n');
            }
        }
        return out.toString();
    }

    private static double plausibleValue(Family family) {
        return switch (family.metric()) {
            case "RequestCount" -> 600;
            case "HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "UnHealthyHostCount" -> 0;
            case "HealthyHostCount" -> 2;
            case "TargetResponseTime" -> 0.12;
            case "CPUUtilization" -> 12.5;
            case "FreeableMemory" -> 2.1e9;
            case "FreeStorageSpace" -> 1.5e10;
            case "DatabaseConnections" -> 18;
            case "ReadLatency", "WriteLatency" -> 0.002;
            default -> 1;
        };
    }
}
