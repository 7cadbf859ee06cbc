package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mirshop.delivery.TerragruntTest.map;
import static dev.mirshop.delivery.TerragruntTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * terragrunt/ against the upstream projects at the pinned versions, as recorded in src/test/resources/upstream
 * (offline snapshots): registry modules exist at their version and take every argument we pass, the AWS provider
 * pin satisfies them, the LB controller's Pod Identity policy grants what controller v2.12.0 needs, every
 * `terragrunt` command in the docs exists in the pinned CLI; and what only the accounts would show: DNS zones each
 * owned by one account and delegated, EKS access entries that do not collide and name SSO roles with their path,
 * a GitHub OIDC provider that an account may already have.
 */
class TerragruntUpstreamTest {

    private static final Path ROOT = Repo.path("terragrunt");
    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");
    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    static JsonNode modules() {
        return Kustomize.readYaml(ArgoCdPlatformTest.UPSTREAM.resolve("terraform-modules.yaml"));
    }

    static Set<String> strings(JsonNode list) {
        return ArgoCdPlatformTest.strings(list);
    }

    record ModuleBlock(Path file, String name, Map<String, Object> arguments) {
        String source() {
            return String.valueOf(arguments.get("source"));
        }

        String version() {
            return String.valueOf(arguments.get("version"));
        }
    }

    static List<ModuleBlock> registryModules() {
        List<ModuleBlock> blocks = new ArrayList<>();
        for (Path tf : Repo.files(ROOT.resolve("modules"), p -> p.toString().endsWith(".tf"))) {
            map(parse(tf).get("module")).forEach((name, body) -> blocks.add(new ModuleBlock(tf, name, map(body))));
        }
        return blocks;
    }

    @Test
    void everyRegistryModuleExistsAtItsVersionAndTakesEveryArgumentWePass() {
        List<String> problems = new ArrayList<>();
        List<ModuleBlock> blocks = registryModules();
        assertThat(blocks).isNotEmpty();
        for (ModuleBlock block : blocks) {
            String where = Repo.relative(block.file()) + " module " + block.name();
            JsonNode facts = modules().path("modules").path(block.source());
            if (facts.isMissingNode()) {
                problems.add(where + ": no recorded facts for " + block.source());
                continue;
            }
            if (!strings(facts.path("versions")).contains(block.version())) {
                problems.add(where + ": " + block.source() + " has no version " + block.version());
            }
            if (!facts.path("version").asText().equals(block.version())) {
                problems.add(where + ": variables recorded for " + facts.path("version").asText() + ", not " + block.version() + "; record it");
                continue;
            }
            Set<String> variables = strings(facts.path("variables"));
            for (String argument : block.arguments().keySet()) {
                if (!META_ARGUMENTS.contains(argument) && !variables.contains(argument)) {
                    problems.add(where + ": " + block.source() + " " + block.version() + " has no variable " + argument);
                }
            }
            for (String required : strings(facts.path("required"))) {
                if (!block.arguments().containsKey(required)) {
                    problems.add(where + ": required variable " + required + " is not set");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void thePinnedAwsProviderSatisfiesEveryModule() {
        Matcher pin = Pattern.compile("source\\s*=\\s*\"hashicorp/aws\"\\s*version\\s*=\\s*\"(\\d+\\.\\d+\\.\\d+)\"")
                .matcher(Repo.read(ROOT.resolve("root.hcl")));
        assertThat(pin.find()).isTrue();
        for (ModuleBlock block : registryModules()) {
            String constraint = modules().path("modules").path(block.source()).path("providers").path("hashicorp/aws").asText("");
            Matcher min = Pattern.compile(">=\\s*(\\d+)\\.(\\d+)(?:\\.(\\d+))?").matcher(constraint);
            assertThat(min.find()).as("aws constraint of " + block.source()).isTrue();
            int[] want = {Integer.parseInt(min.group(1)), Integer.parseInt(min.group(2)), min.group(3) == null ? 0 : Integer.parseInt(min.group(3))};
            String[] have = pin.group(1).split("\\.");
            int cmp = 0;
            for (int i = 0; i < 3 && cmp == 0; i++) {
                cmp = Integer.compare(Integer.parseInt(have[i]), want[i]);
            }
            assertThat(cmp).as("hashicorp/aws " + pin.group(1) + " satisfies " + block.source() + " " + constraint).isGreaterThanOrEqualTo(0);
        }
    }

    /**
     * Every provider a module (or its submodules) needs is pinned exactly in root.hcl to a released version that
     * meets the modules' constraints; a unit's .terraform.lock.hcl, once made with registry access, locks the same.
     */
    @Test
    void everyProviderTheModulesNeedIsPinnedExactlyAndLockFilesAgree() {
        String root = Repo.read(ROOT.resolve("root.hcl"));
        Matcher pinned = Pattern.compile("source\\s*=\\s*\"(hashicorp/[a-z]+)\"\\s*version\\s*=\\s*\"([^\"]+)\"").matcher(root);
        Map<String, String> pins = new java.util.LinkedHashMap<>();
        while (pinned.find()) {
            pins.put(pinned.group(1), pinned.group(2));
        }
        JsonNode providers = modules().path("providers");
        List<String> problems = new ArrayList<>();
        for (ModuleBlock block : registryModules()) {
            modules().path("modules").path(block.source()).path("providers").fields().forEachRemaining(need -> {
                String pin = pins.get(need.getKey());
                if (pin == null || !pin.matches("\\d+\\.\\d+\\.\\d+")) {
                    problems.add(block.source() + " needs " + need.getKey() + ", which root.hcl does not pin exactly");
                    return;
                }
                if (!strings(providers.path(need.getKey()).path("versions")).contains(pin)) {
                    problems.add(need.getKey() + " " + pin + " is not a recorded release");
                }
                Matcher min = Pattern.compile(">=\\s*(\\d+(?:\\.\\d+){1,2})").matcher(need.getValue().asText());
                while (min.find()) {
                    if (compare(pin, min.group(1)) < 0) {
                        problems.add(need.getKey() + " " + pin + " is below " + block.source() + "'s >= " + min.group(1));
                    }
                }
            });
        }
        for (Path lock : Repo.files(ROOT, p -> p.getFileName().toString().equals(".terraform.lock.hcl"))) {
            Matcher locked = Pattern.compile("provider \"registry\\.terraform\\.io/(hashicorp/[a-z]+)\"\\s*\\{\\s*version\\s*=\\s*\"([^\"]+)\"")
                    .matcher(Repo.read(lock));
            while (locked.find()) {
                if (!locked.group(2).equals(pins.get(locked.group(1)))) {
                    problems.add(Repo.relative(lock) + " locks " + locked.group(1) + " " + locked.group(2) + ", root.hcl pins " + pins.get(locked.group(1)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static Set<String> missingLbControllerActions(String podIdentityVersion) {
        JsonNode facts = modules();
        Set<String> granted = strings(facts.path("eksPodIdentityLbControllerPolicy").path(podIdentityVersion));
        assertThat(granted).as("recorded LB controller policy of eks-pod-identity " + podIdentityVersion).isNotEmpty();
        Set<String> missing = new HashSet<>(strings(facts.path("awsLoadBalancerController").path("requiredActions")));
        missing.removeAll(granted);
        return missing;
    }

    @Test
    void theLoadBalancerControllersPodIdentityPolicyGrantsEveryActionItsPinnedVersionNeeds() {
        JsonNode controller = modules().path("awsLoadBalancerController");
        JsonNode chart = ArgoCdPlatformTest.chartFacts("aws-load-balancer-controller").path("pinned");
        assertThat(chart.path("appVersion").asText()).as("chart " + chart.path("version").asText() + " installs")
                .isEqualTo(controller.path("version").asText());
        assertThat(controller.path("chart").asText()).isEqualTo(chart.path("version").asText());
        for (String env : ENVIRONMENTS) {
            assertThat(ArgoCdPlatformTest.application(env, "aws-load-balancer-controller").path("spec").path("source")
                    .path("targetRevision").asText()).as(env + " installs the chart whose IAM needs are recorded").isEqualTo(controller.path("chart").asText());
        }
        List<ModuleBlock> lbc = registryModules().stream()
                .filter(b -> Boolean.TRUE.equals(b.arguments().get("attach_aws_lb_controller_policy"))).toList();
        assertThat(lbc).as("the module granting the controller's policy").hasSize(1);
        assertThat(missingLbControllerActions(lbc.get(0).version())).as("actions controller " + controller.path("version").asText()
                + " needs that eks-pod-identity " + lbc.get(0).version() + " does not grant").isEmpty();
        assertThat(missingLbControllerActions("1.10.0")).as("the check fails for the version the review found short")
                .contains("elasticloadbalancing:SetRulePriorities");
    }

    /** Every `terragrunt …` command line in the docs, with its flags, exists in the pinned CLI. */
    @Test
    void everyDocumentedTerragruntCommandExistsInThePinnedCli() {
        JsonNode cli = Kustomize.readYaml(ArgoCdPlatformTest.UPSTREAM.resolve("terragrunt-cli.yaml"));
        Matcher mise = Pattern.compile("(?m)^terragrunt\\s*=\\s*\"([^\"]+)\"").matcher(Repo.read(ROOT.resolve("mise.toml")));
        assertThat(mise.find()).isTrue();
        assertThat(mise.group(1)).as("terragrunt in mise.toml is the recorded CLI").isEqualTo(cli.path("version").asText());
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path doc : List.of(Repo.path("docs/deploy.md"), ROOT.resolve("README.md"))) {
            for (String code : codeIn(Repo.read(doc))) {
                Matcher m = Pattern.compile("(?<![\\w/.-])terragrunt +([^\\n`|;&)]+)").matcher(code);
                while (m.find()) {
                    String line = m.group(1).trim();
                    commands++;
                    problems.addAll(checkCommand(cli, line).stream().map(p -> Repo.relative(doc) + ": terragrunt " + line + ": " + p).toList());
                }
            }
        }
        assertThat(commands).as("terragrunt commands in the docs").isGreaterThan(3);
        assertThat(problems).isEmpty();
        assertThat(checkCommand(cli, "run --no-such-flag -- plan")).as("the check can fail").isNotEmpty();
    }

    /** Fenced code blocks and inline code spans of a Markdown text. */
    static List<String> codeIn(String markdown) {
        List<String> code = new ArrayList<>();
        Matcher fenced = Pattern.compile("(?s)```[a-z]*\\n(.*?)```").matcher(markdown);
        while (fenced.find()) {
            code.add(fenced.group(1));
        }
        Matcher inline = Pattern.compile("`([^`\\n]+)`").matcher(markdown.replaceAll("(?s)```.*?```", ""));
        while (inline.find()) {
            code.add(inline.group(1));
        }
        return code;
    }

    static List<String> checkCommand(JsonNode cli, String arguments) {
        List<String> words = new ArrayList<>(List.of(arguments.split(" +")));
        String command = words.remove(0);
        if (!words.isEmpty() && cli.path("commands").has(command + " " + words.get(0))) {
            command = command + " " + words.remove(0);
        }
        if (!cli.path("commands").has(command)) {
            return List.of("no command " + command + " in terragrunt " + cli.path("version").asText());
        }
        Set<String> flags = strings(cli.path("commands").path(command).path("flags"));
        flags.addAll(strings(cli.path("globalFlags").path("flags")));
        List<String> problems = new ArrayList<>();
        for (String word : words) {
            if (word.equals("--")) {
                break;
            }
            if (word.startsWith("--")) {
                String flag = word.substring(2).split("=", 2)[0];
                if (!flags.contains(flag)) {
                    problems.add("terragrunt " + cli.path("version").asText() + " " + command + " has no flag --" + flag);
                }
            }
        }
        return problems;
    }

    static Map<String, Object> envLocals(String env) {
        return map(parse(ROOT.resolve(env + "/env.hcl")).get("locals"));
    }

    static Map<String, Object> dnsInputs(String env) {
        return TerragruntUnit.of(ROOT.resolve(env + "/dns/terragrunt.hcl")).inputs();
    }

    /**
     * Each zone is written by the one account that has it: looked up where it exists (the registered domain) or
     * created in this account and then delegated by the account owning its parent zone. Two accounts looking up the
     * same zone fail in one of them; an undelegated zone leaves ACM's validation hanging.
     */
    @Test
    void everyDnsZoneBelongsToOneAccountAndCreatedZonesAreDelegatedByTheirParent() {
        List<String> problems = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            Map<String, Object> locals = envLocals(env);
            String zone = String.valueOf(locals.get("zone_name"));
            String host = String.valueOf(locals.get("shop_hostname"));
            if (!host.endsWith("." + zone)) {
                problems.add(env + ": shop_hostname " + host + " is not in zone " + zone);
            }
            boolean creates = Boolean.TRUE.equals(dnsInputs(env).get("create_zone"));
            for (String other : ENVIRONMENTS) {
                if (other.equals(env)) {
                    continue;
                }
                Map<String, Object> otherLocals = envLocals(other);
                String otherZone = String.valueOf(otherLocals.get("zone_name"));
                boolean otherAccount = !String.valueOf(otherLocals.get("aws_account_id")).equals(String.valueOf(locals.get("aws_account_id")));
                if (otherAccount && otherZone.equals(zone)) {
                    problems.add(env + " and " + other + " both use zone " + zone + " from different accounts");
                }
            }
            if (creates) {
                List<String> parents = ENVIRONMENTS.stream().filter(o -> !o.equals(env))
                        .filter(o -> zone.endsWith("." + envLocals(o).get("zone_name"))).toList();
                if (parents.isEmpty()) {
                    problems.add(env + " creates zone " + zone + ", but no environment owns its parent zone");
                }
                for (String parent : parents) {
                    if (!map(dnsInputs(parent).get("delegated_subdomains")).containsKey(zone)) {
                        problems.add(env + " creates zone " + zone + ", but " + parent + "/dns does not delegate it (delegated_subdomains)");
                    }
                }
                if (!Boolean.FALSE.equals(dnsInputs(env).get("wait_for_validation"))) {
                    problems.add(env + "/dns waits for its certificate, which validates only after the parent's delegation is applied");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eksAdminsComeOnlyFromAccessEntriesNamingSsoRolesWithTheirPath() {
        Map<String, Object> eks = map(map(parse(ROOT.resolve("modules/eks/main.tf")).get("module")).get("eks"));
        assertThat(eks.get("enable_cluster_creator_admin_permissions")).as("the creator's automatic entry collides with "
                + "admin_role_arns naming the same role (409)").isEqualTo(Boolean.FALSE);
        Pattern arn = Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)");
        for (String env : ENVIRONMENTS) {
            Map<String, Object> locals = envLocals(env);
            Object roles = locals.get("admin_role_arns");
            assertThat(roles).as(env + " admin_role_arns").isInstanceOf(List.class);
            assertThat((List<?>) roles).as(env + ": the role that applies must be an admin").isNotEmpty();
            for (Object role : (List<?>) roles) {
                Matcher m = arn.matcher(String.valueOf(role));
                assertThat(m.matches()).as(env + " admin role " + role).isTrue();
                assertThat(m.group(1)).as(env + " admin role " + role + " is in the environment's account").isEqualTo(locals.get("aws_account_id"));
                if (m.group(2).contains("AWSReservedSSO_")) {
                    assertThat(m.group(2)).as(env + ": an IAM Identity Center role matches only with its path")
                            .matches("aws-reserved/sso\\.amazonaws\\.com/([a-z0-9-]+/)?AWSReservedSSO_[^/]+");
                }
            }
        }
    }

    @Test
    void theGithubOidcProviderIsCreatedOrTheAccountsOwnIsUsed() {
        Path ecr = ROOT.resolve("modules/ecr/main.tf");
        Map<String, Object> config = parse(ecr);
        assertThat(map(map(config.get("data")).get("aws_iam_openid_connect_provider"))).as("lookup of an existing provider").containsKey("github");
        assertThat(TerragruntTest.variables(ROOT.resolve("modules/ecr"))).containsEntry("create_github_oidc_provider", true);
        assertThat(TerragruntUnit.rawAttribute(ecr, "resource \"aws_iam_openid_connect_provider\" \"github\"", "count"))
                .as("the provider is created only when asked").contains("create");
        assertThat(Repo.read(ecr)).doesNotContain("aws_iam_openid_connect_provider.github[0].arn }");
    }
}
