package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirshop.observability.CloudWatchExporter;
import dev.mirshop.observability.CloudWatchExporter.Family;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudWatch through YACE (kubernetes/platform/base/addons/prometheus-yet-another-cloudwatch-exporter.yaml) against
 * YACE v0.67.0 as recorded in src/test/resources/upstream/yace.yaml: the names our rules and dashboards read are
 * names YACE exports for our configuration (its naming code, ported, gives upstream's own examples), the
 * configuration is one YACE accepts and counts a summed count once, discovery finds the ALB and the RDS instance by
 * tags they carry, the series reach Prometheus with env, and the Pod Identity role grants what YACE calls, to the
 * service account it runs as.
 */
class CloudWatchMetricsTest {

    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");
    private static final Pattern AWS_METRIC = Pattern.compile("\\baws_[a-z0-9_]+\\b");
    private static final Pattern AWS_SELECTOR = Pattern.compile("\\b(aws_[a-z0-9_]+)\\s*\\{([^}]*)}");
    private static final Pattern AWS_GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)\\s*\\([^()]*\\baws_[a-z0-9_]+");

    private final JsonNode upstream = CloudWatchExporter.upstream();

    @Test
    void theNamingCodeGivesUpstreamsOwnNames() {
        for (JsonNode example : upstream.path("metricNames")) {
            assertThat(CloudWatchExporter.metricName(example.path("namespace").asText(), example.path("metric").asText(),
                    example.path("statistic").asText())).as(example.toString()).isEqualTo(example.path("name").asText());
        }
        for (JsonNode example : upstream.path("sanitize")) {
            assertThat(CloudWatchExporter.sanitize(example.path("key").asText())).isEqualTo(example.path("label").asText());
        }
        assertThat(upstream.path("metricNames")).hasSizeGreaterThanOrEqualTo(10);
    }

    /** Every aws_* series the rules and dashboards read, with every dimension_/tag_ label they select or group by. */
    @Test
    void everyCloudWatchSeriesTheRulesAndDashboardsReadIsOneYaceExportsWithThoseLabels() {
        Map<String, Family> exported = new HashMap<>();
        CloudWatchExporter.families().forEach(f -> exported.put(f.name(), f));
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        List<Path> sources = new ArrayList<>(Repo.files(Repo.path("grafana-dashboards"), p -> p.toString().endsWith(".json")
                && !p.toString().contains("/generated/")));
        sources.add(Repo.path("grafana-dashboards/alerts/mir-shop.rules.yml"));
        for (Path source : sources) {
            String text = Repo.read(source).replace("\\\"", "\"");
            Matcher names = AWS_METRIC.matcher(text);
            while (names.find()) {
                used.add(names.group());
                if (!exported.containsKey(names.group())) {
                    problems.add(Repo.relative(source) + " reads " + names.group() + ", which YACE does not export for our configuration "
                            + "(exported: " + new TreeSet<>(exported.keySet()) + ")");
                }
            }
            Matcher selectors = AWS_SELECTOR.matcher(text);
            while (selectors.find()) {
                Family family = exported.get(selectors.group(1));
                if (family != null) {
                    for (String label : labelNames(selectors.group(2))) {
                        checkLabel(family, label, Repo.relative(source), problems);
                    }
                }
            }
        }
        assertThat(used).as("the SLI and the RDS panels read CloudWatch").contains(
                "aws_applicationelb_httpcode_elb_5_xx_count_sum", "aws_rds_cpuutilization_average", "aws_rds_free_storage_space_minimum");
        assertThat(problems).isEmpty();
    }

    /** Labels on the panels' aggregations too: dimension_DBInstanceIdentifier in `by (...)` must be on the series. */
    @Test
    void everyDimensionOrTagLabelTheDashboardsGroupByIsOnTheSeries() {
        Map<String, Family> exported = new HashMap<>();
        CloudWatchExporter.families().forEach(f -> exported.put(f.name(), f));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path source : Repo.files(Repo.path("grafana-dashboards"), p -> p.toString().endsWith(".json"))) {
            for (String expr : expressions(Kustomize.readYaml(source))) {
                Matcher metric = AWS_METRIC.matcher(expr);
                if (!metric.find() || !exported.containsKey(metric.group())) {
                    continue;
                }
                Matcher grouping = AWS_GROUPING.matcher(expr);
                while (grouping.find()) {
                    for (String label : grouping.group(1).split(",")) {
                        checked++;
                        checkLabel(exported.get(metric.group()), label.trim(), Repo.relative(source), problems);
                    }
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(problems).isEmpty();
    }

    private void checkLabel(Family family, String label, String where, List<String> problems) {
        boolean cloudWatchLabel = label.startsWith("dimension_") || label.startsWith("tag_");
        if (cloudWatchLabel && !CloudWatchExporter.labels(family).contains(label)) {
            problems.add(where + ": " + family.name() + " has no label " + label + " (YACE gives it " + CloudWatchExporter.labels(family) + ")");
        }
    }

    private static List<String> labelNames(String matchers) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)").matcher(matchers);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    @Test
    void theConfigurationIsOneYaceAccepts() {
        JsonNode config = CloudWatchExporter.config();
        JsonNode rules = upstream.path("config");
        assertThat(config.path("apiVersion").asText()).isEqualTo(rules.path("apiVersion").asText());
        Set<String> jobFields = ArgoCdPlatformTest.strings(rules.path("jobFields"));
        Set<String> metricFields = ArgoCdPlatformTest.strings(rules.path("metricFields"));
        Set<String> statistics = ArgoCdPlatformTest.strings(rules.path("statistics"));
        Pattern percentile = Pattern.compile(rules.path("percentile").asText());
        Set<String> jobTypes = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode job : config.path("discovery").path("jobs")) {
            String type = job.path("type").asText();
            jobTypes.add(type);
            JsonNode service = upstream.path("services").path(type);
            if (service.isMissingNode()) {
                problems.add("job type " + type + " is not a namespace YACE knows (recorded: " + upstream.path("services").fieldNames() + ")");
                continue;
            }
            job.fieldNames().forEachRemaining(f -> {
                if (!jobFields.contains(f)) {
                    problems.add(type + ": no job field " + f);
                }
            });
            Set<String> dimensions = ArgoCdPlatformTest.strings(service.path("dimensions"));
            job.path("dimensionNameRequirements").forEach(d -> {
                if (!dimensions.contains(d.asText())) {
                    problems.add(type + ": discovery never gives dimension " + d.asText());
                }
            });
            for (JsonNode metric : job.path("metrics")) {
                metric.fieldNames().forEachRemaining(f -> {
                    if (!metricFields.contains(f)) {
                        problems.add(type + " " + metric.path("name").asText() + ": no metric field " + f);
                    }
                });
                if (metric.has("delay") && rules.path("metricLevelDelayIgnored").asBoolean()) {
                    problems.add(type + " " + metric.path("name").asText() + ": YACE ignores a delay on a metric; set it on the job");
                }
                metric.path("statistics").forEach(s -> {
                    if (!statistics.contains(s.asText()) && !percentile.matcher(s.asText()).matches()) {
                        problems.add(type + " " + metric.path("name").asText() + ": no statistic " + s.asText());
                    }
                });
            }
        }
        config.path("discovery").path("exportedTagsOnMetrics").fieldNames().forEachRemaining(ns -> {
            if (!jobTypes.contains(ns)) {
                problems.add("exportedTagsOnMetrics key " + ns + " is no discovery job's namespace");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(jobTypes).contains("AWS/ApplicationELB", "AWS/RDS");
    }

    /**
     * A Sum is the count of one period. YACE exports the latest datapoint of [end - length, end]: with length longer
     * than the period the same minute's count is exported at several scrapes and the SLI counts it several times.
     * ELB reports a count only when it is not zero, so a quiet minute must be 0 (nilToZero), not NaN. And YACE must
     * ask CloudWatch once a period, or minutes are skipped.
     */
    @Test
    void summedCountsAreCountedOnceAndAQuietMinuteIsZero() {
        JsonNode values = CloudWatchExporter.values();
        long interval = values.path("extraArgs").path("scraping-interval").asLong(upstream.path("flags").path("scraping-interval").asLong());
        for (Family family : CloudWatchExporter.families()) {
            if (family.statistic().equals("Sum")) {
                assertThat(family.length()).as(family.name() + ": length = period").isEqualTo(family.period());
                assertThat(family.nilToZero()).as(family.name() + ": nilToZero").isTrue();
                assertThat(interval).as("scraping-interval = period of " + family.name()).isEqualTo(family.period());
            }
        }
        // The recording rules turn a sample (a 60 s Sum) into a per-second rate with "/ 60".
        String rules = Repo.read(Repo.path("grafana-dashboards/alerts/mir-shop.rules.yml"));
        Matcher divided = Pattern.compile("avg_over_time\\((aws_\\w+_sum)\\[\\w+]\\)\\)\\s*/\\s*(\\d+)").matcher(rules);
        int found = 0;
        while (divided.find()) {
            found++;
            String name = divided.group(1);
            Family family = CloudWatchExporter.families().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            assertThat(Long.parseLong(divided.group(2))).as(name + " divided by its period").isEqualTo(family.period());
        }
        assertThat(found).isGreaterThanOrEqualTo(7);
    }

    /** searchTags must all match (YACE: "all must match"): the ALB and the RDS instance carry each of them. */
    @Test
    void discoveryFindsTheAlbAndTheRdsInstanceByTagsTheyCarry() {
        JsonNode config = CloudWatchExporter.config();
        Map<String, String> terragruntTags = terragruntCommonTags();
        assertThat(Repo.read(Repo.path("terragrunt/modules/rds/main.tf"))).as("the RDS module tags the instance").contains("tags = var.tags");
        String ingressGroup = Kustomize.readYaml(Repo.path("kubernetes/base/shop/ingress.yaml")).path("metadata").path("annotations")
                .path("alb.ingress.kubernetes.io/group.name").asText();
        for (String env : ENVIRONMENTS) {
            JsonNode defaultTags = ArgoCdPlatformTest.values(ArgoCdPlatformTest.application(env, "aws-load-balancer-controller")).path("defaultTags");
            for (JsonNode job : config.path("discovery").path("jobs")) {
                String type = job.path("type").asText();
                for (JsonNode tag : job.path("searchTags")) {
                    String key = tag.path("key").asText();
                    String carried = switch (type) {
                        // the load balancer controller's own tag: ingress.k8s.aws/stack = the Ingress group's name
                        case "AWS/ApplicationELB" -> key.equals("ingress.k8s.aws/stack") ? ingressGroup : defaultTags.path(key).asText(null);
                        case "AWS/RDS" -> terragruntTags.get(key).replace("${local.environment}", env);
                        default -> null;
                    };
                    assertThat(carried).as(env + ": " + type + " carries tag " + key).isNotNull();
                    assertThat(Pattern.compile(tag.path("value").asText()).matcher(carried).find())
                            .as(env + ": " + type + " tag " + key + "=" + carried + " matches " + tag.path("value").asText()).isTrue();
                }
            }
            assertThat(defaultTags.path("Environment").asText()).as(env + ": the ALB's Environment tag").isEqualTo(env);
            for (JsonNode tags : config.path("discovery").path("exportedTagsOnMetrics")) {
                tags.forEach(t -> assertThat(defaultTags.has(t.asText()) && terragruntTags.containsKey(t.asText()))
                        .as(env + ": exported tag " + t.asText() + " is on the ALB and the RDS instance").isTrue());
            }
        }
    }

    private static Map<String, String> terragruntCommonTags() {
        String root = Repo.read(Repo.path("terragrunt/root.hcl"));
        Matcher block = Pattern.compile("common_tags = \\{([^}]*)}").matcher(root);
        assertThat(block.find()).as("root.hcl common_tags").isTrue();
        Map<String, String> tags = new HashMap<>();
        Matcher entry = Pattern.compile("(\\w+)\\s*=\\s*(\\S+)").matcher(block.group(1));
        while (entry.find()) {
            String value = entry.group(2);
            tags.put(entry.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1)
                    : value.equals("local.environment") ? "${local.environment}" : value);
        }
        assertThat(Repo.read(Repo.path("terragrunt/root.hcl"))).contains("environment = local.env.locals.environment");
        return tags;
    }

    /** The series reach kube-prometheus-stack's Prometheus and carry env, like the shop's own. */
    @Test
    void theExportersServiceMonitorIsSelectedAndGivesEnv() {
        JsonNode values = CloudWatchExporter.values();
        JsonNode behaviour = ArgoCdPlatformTest.behaviour().path("prometheus-yet-another-cloudwatch-exporter");
        assertThat(ArgoCdPlatformTest.setTo(values, behaviour.path("serviceMonitorWhen").asText())).isTrue();
        JsonNode serviceMonitor = values.path("serviceMonitor");
        assertThat(serviceMonitor.path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
        boolean env = false;
        for (JsonNode relabel : serviceMonitor.path("metricRelabelings")) {
            env |= relabel.path("targetLabel").asText().equals("env")
                    && ArgoCdPlatformTest.strings(relabel.path("sourceLabels")).contains("tag_" + CloudWatchExporter.sanitize("Environment"));
        }
        assertThat(env).as("tag_Environment becomes env").isTrue();
        assertThat(ArgoCdPlatformTest.duration(serviceMonitor.path("timeout").asText()))
                .isLessThanOrEqualTo(ArgoCdPlatformTest.duration(serviceMonitor.path("interval").asText()));
    }

    /**
     * YACE's calls are allowed to the pod: the Pod Identity association names the namespace the Application
     * installs into and the service account the chart makes, and the role has every action YACE's README lists.
     * The image's user (nobody) is the one the pod runs as.
     */
    @Test
    void thePodIdentityRoleGrantsWhatYaceCallsToTheServiceAccountItRunsAs() {
        String eks = Repo.read(Repo.path("terragrunt/modules/eks/main.tf"));
        Matcher module = Pattern.compile("module \"yace_identity\" \\{(.*?)\\n}", Pattern.DOTALL).matcher(eks);
        assertThat(module.find()).as("terragrunt/modules/eks/main.tf module yace_identity").isTrue();
        String block = module.group(1);
        assertThat(block).contains("source  = \"terraform-aws-modules/eks-pod-identity/aws\"", "attach_custom_policy      = true");
        for (JsonNode action : upstream.path("iam").path("required")) {
            assertThat(block).as("the role grants " + action.asText()).contains("\"" + action.asText() + "\"");
        }
        for (String env : ENVIRONMENTS) {
            ObjectNode app = ArgoCdPlatformTest.application(env, "prometheus-yet-another-cloudwatch-exporter");
            JsonNode values = ArgoCdPlatformTest.values(app);
            String namespace = app.path("spec").path("destination").path("namespace").asText();
            JsonNode behaviour = ArgoCdPlatformTest.behaviour().path("prometheus-yet-another-cloudwatch-exporter");
            String serviceAccount = values.path(behaviour.path("serviceAccountNameFrom").asText().split("\\.")[0])
                    .path(behaviour.path("serviceAccountNameFrom").asText().split("\\.")[1]).asText();
            assertThat(values.path("serviceAccount").path("create").asBoolean()).isTrue();
            assertThat(block).as(env + ": association for " + namespace + "/" + serviceAccount)
                    .contains("namespace       = \"" + namespace + "\"", "service_account = \"" + serviceAccount + "\"");
            assertThat(values.path("podSecurityContext").path("runAsUser").asInt()).isEqualTo(upstream.path("image").path("user").asInt());
        }
    }
}
