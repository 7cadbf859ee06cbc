package dev.mirshop.delivery;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * terragrunt/ without AWS: every .hcl and .tf file parses (hcl4j); each environment's units are thin (root.hcl and
 * their _envcommon file included, only per-environment inputs of their own); seen from each unit with its
 * _envcommon merged in ({@link TerragruntUnit}), they are wired correctly (dependency paths, mocks, outputs that
 * exist), every input is a variable of the unit's module and every required variable is set in each environment;
 * module, provider and tool versions are pinned.
 *
 * The units use thin modules in terragrunt/modules/, so their variables are read from the repository; the
 * registry modules those wrap are pinned to exact versions, but their own arguments are only checked by
 * `terraform validate`, which needs the registry and does not run here.
 */
class TerragruntTest {

    private static final Path ROOT = Repo.path("terragrunt");
    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");
    private static final List<String> UNITS = List.of("vpc", "eks", "rds", "ecr", "dns");
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    static Map<String, Object> parse(Path file) {
        try {
            return new HCLParser().parse(file.toFile(), "UTF-8");
        } catch (Exception e) {
            return fail(Repo.relative(file) + " does not parse as HCL: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @TestFactory
    Stream<DynamicTest> everyHclAndTerraformFileParses() {
        List<Path> files = Repo.files(ROOT, p -> p.toString().endsWith(".hcl") || p.toString().endsWith(".tf"));
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream().map(f -> DynamicTest.dynamicTest(Repo.relative(f), () -> assertThat(parse(f)).isNotNull()));
    }

    @Test
    void everyEnvironmentHasItsEnvFileAndEveryUnit() {
        for (String env : ENVIRONMENTS) {
            assertThat(ROOT.resolve(env + "/env.hcl")).exists();
            for (String unit : UNITS) {
                assertThat(ROOT.resolve(env + "/" + unit + "/terragrunt.hcl")).exists();
            }
        }
    }

    /** Every terragrunt.hcl is one of the expected units; none lives elsewhere (for example in _envcommon). */
    @Test
    void theOnlyUnitsAreTheEnvironmentUnits() {
        assertThat(Repo.files(ROOT, p -> p.getFileName().toString().equals("terragrunt.hcl")))
                .containsExactlyInAnyOrderElementsOf(units());
    }

    static List<Path> units() {
        return ENVIRONMENTS.stream()
                .flatMap(env -> UNITS.stream().map(unit -> ROOT.resolve(env + "/" + unit + "/terragrunt.hcl")))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> unitsAreThinAndIncludeRootAndTheirEnvcommon() {
        return units().stream().map(unitFile -> DynamicTest.dynamicTest(Repo.relative(unitFile), () -> {
            Map<String, Object> unit = parse(unitFile);
            assertThat(unit.keySet()).as("a unit only includes and sets the inputs that differ per environment: " + Repo.relative(unitFile))
                    .containsOnly("include", "inputs");
            assertThat(map(unit.get("include")).keySet()).containsExactlyInAnyOrder("root", "envcommon");
            assertThat(TerragruntUnit.of(unitFile).envcommonFile())
                    .isEqualTo(ROOT.resolve("_envcommon/" + unitFile.getParent().getFileName() + ".hcl"));
        }));
    }

    @Test
    void everyEnvcommonFileBelongsToAUnitReadsEnvHclAndNamesItsModule() {
        List<Path> envcommon = Repo.files(ROOT.resolve("_envcommon"), p -> p.toString().endsWith(".hcl"));
        assertThat(envcommon).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(UNITS.stream().map(u -> u + ".hcl").toList());
        for (Path file : envcommon) {
            assertThat(Repo.read(file)).as(Repo.relative(file) + " reads the including unit's env.hcl")
                    .contains("env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))");
            Map<String, Object> config = parse(file);
            assertThat(config).as(Repo.relative(file) + " must not include (Terragrunt includes are one level deep)")
                    .doesNotContainKey("include");
            assertThat(map(config.get("terraform"))).as("terraform block of " + Repo.relative(file)).containsKey("source");
        }
    }

    @TestFactory
    Stream<DynamicTest> unitsAreWiredToExistingModulesDependenciesAndSettings() {
        return units().stream().map(unit -> DynamicTest.dynamicTest(Repo.relative(unit), () -> checkUnit(TerragruntUnit.of(unit))));
    }

    private void checkUnit(TerragruntUnit unit) {
        Path module = unit.module();
        assertThat(module).as("module of " + unit).startsWith(ROOT.resolve("modules"));
        assertThat(module.resolve("variables.tf")).as("module of " + unit).exists();
        Map<String, Boolean> variables = variables(module);

        // inputs: root.hcl's (tags), then _envcommon's, then the unit's (Terragrunt merges included inputs by key)
        Set<String> inputs = new HashSet<>(map(parse(ROOT.resolve("root.hcl")).get("inputs")).keySet());
        inputs.addAll(unit.inputs().keySet());
        assertThat(variables.keySet()).as("variables of " + Repo.relative(module) + " for the inputs of " + unit)
                .containsAll(inputs);
        List<String> required = variables.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        assertThat(inputs).as("required variables of " + Repo.relative(module) + " set for " + unit)
                .containsAll(required);

        // dependencies: the path exists from this unit, outputs used are mocked and declared by the dependency's module
        Map<String, Object> dependencies = unit.dependencies();
        Matcher used = Pattern.compile("dependency\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_]+)").matcher(unit.text());
        while (used.find()) {
            assertThat(dependencies).as("dependency block '" + used.group(1) + "' for " + unit).containsKey(used.group(1));
        }
        for (Map.Entry<String, Object> dependency : dependencies.entrySet()) {
            Map<String, Object> block = map(dependency.getValue());
            Path target = unit.dependencyPath(dependency.getKey());
            assertThat(target.resolve("terragrunt.hcl")).as("config_path of dependency " + dependency.getKey() + " of " + unit).exists();
            assertThat(target).as("dependency " + dependency.getKey() + " of " + unit + " stays in its environment")
                    .isNotEqualTo(unit.dir()).startsWith(unit.dir().getParent());
            Map<String, Object> mocks = map(block.get("mock_outputs"));
            assertThat(mocks).as("mock_outputs of dependency " + dependency.getKey()).isNotEmpty();
            assertThat(block).containsKey("mock_outputs_allowed_terraform_commands");
            Set<String> outputs = outputs(TerragruntUnit.of(target.resolve("terragrunt.hcl")).module());
            assertThat(outputs).as("outputs of " + Repo.relative(target) + " mocked for " + unit).containsAll(mocks.keySet());
            Matcher outputsUsed = Pattern.compile("dependency\\." + Pattern.quote(dependency.getKey()) + "\\.outputs\\.([A-Za-z0-9_]+)")
                    .matcher(unit.text());
            while (outputsUsed.find()) {
                assertThat(mocks).as("mock for output " + outputsUsed.group(1)).containsKey(outputsUsed.group(1));
                assertThat(outputs).as("output " + outputsUsed.group(1) + " of " + Repo.relative(target)).contains(outputsUsed.group(1));
            }
        }

        // settings read from env.hcl (by _envcommon as local.env, by the unit through the exposed include) exist in
        // that environment's env.hcl; the unit reads only locals that _envcommon declares
        Path envFile = unit.dir().getParent().resolve("env.hcl");
        Map<String, Object> envLocals = map(parse(envFile).get("locals"));
        Matcher setting = Pattern.compile("\\blocals?\\.env\\.locals\\.([A-Za-z0-9_]+)").matcher(unit.text());
        while (setting.find()) {
            assertThat(envLocals).as("setting " + setting.group(1) + " in " + Repo.relative(envFile) + " for " + unit)
                    .containsKey(setting.group(1));
        }
        Matcher exposed = Pattern.compile("include\\.envcommon\\.locals\\.([A-Za-z0-9_]+)").matcher(Repo.read(unit.file()));
        while (exposed.find()) {
            assertThat(map(unit.envcommon().get("locals"))).as("locals of " + Repo.relative(unit.envcommonFile()))
                    .containsKey(exposed.group(1));
        }
    }

    /** Variable name → has a default. */
    static Map<String, Boolean> variables(Path module) {
        Map<String, Boolean> variables = new LinkedHashMap<>();
        for (Path tf : Repo.files(module, p -> p.toString().endsWith(".tf"))) {
            map(parse(tf).get("variable")).forEach((name, body) -> variables.put(name, map(body).containsKey("default")));
        }
        return variables;
    }

    static Set<String> outputs(Path module) {
        Set<String> outputs = new HashSet<>();
        for (Path tf : Repo.files(module, p -> p.toString().endsWith(".tf"))) {
            outputs.addAll(map(parse(tf).get("output")).keySet());
        }
        return outputs;
    }

    @Test
    void everyModuleDeclaresTagsAndPinsItsRegistryModulesToExactVersions() {
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(ROOT.resolve("modules"))) {
            modules = dirs.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(modules).extracting(p -> p.getFileName().toString()).containsAll(UNITS);
        for (Path module : modules) {
            assertThat(variables(module)).as("variables of " + Repo.relative(module)).containsKey("tags");
            for (Path tf : Repo.files(module, p -> p.toString().endsWith(".tf"))) {
                map(parse(tf).get("module")).forEach((name, body) -> {
                    Map<String, Object> block = map(body);
                    String source = String.valueOf(block.get("source"));
                    assertThat(source).as("module " + name + " in " + Repo.relative(tf)).startsWith("terraform-aws-modules/");
                    assertThat(String.valueOf(block.get("version"))).as("version of module " + name + " in " + Repo.relative(tf))
                            .matches(EXACT_VERSION);
                });
                assertThat(Repo.read(tf)).as(Repo.relative(tf) + " must not declare providers (root.hcl generates them)")
                        .doesNotContain("required_providers");
            }
        }
    }

    @Test
    void rootConfiguresS3StateWithNativeLockingAPinnedProviderAndCommonTags() {
        Map<String, Object> root = parse(ROOT.resolve("root.hcl"));
        Map<String, Object> state = map(root.get("remote_state"));
        assertThat(state.get("backend")).isEqualTo("s3");
        Map<String, Object> config = map(state.get("config"));
        assertThat(config.get("use_lockfile")).isEqualTo(Boolean.TRUE);
        assertThat(config.get("encrypt")).isEqualTo(Boolean.TRUE);
        assertThat(config).doesNotContainKey("dynamodb_table");
        String text = Repo.read(ROOT.resolve("root.hcl"));
        assertThat(text).contains("key          = \"${path_relative_to_include()}/terraform.tfstate\"");
        Map<String, Object> provider = map(map(root.get("generate")).get("provider"));
        String contents = String.valueOf(provider.get("contents"));
        assertThat(contents).contains("provider \"aws\"", "default_tags", "required_providers");
        Matcher pinned = Pattern.compile("source\\s*=\\s*\"hashicorp/aws\"\\s*version\\s*=\\s*\"(\\d+\\.\\d+\\.\\d+)\"").matcher(contents);
        assertThat(pinned.find()).as("AWS provider pinned to an exact version in root.hcl").isTrue();
        assertThat(map(root.get("locals")).get("common_tags")).isInstanceOf(Map.class);
        assertThat(map(map(root.get("locals")).get("common_tags"))).containsKeys("Project", "Environment", "ManagedBy");
    }

    @Test
    void toolVersionsArePinnedConsistently() {
        Map<String, Object> root = parse(ROOT.resolve("root.hcl"));
        String terraform = Repo.read(ROOT.resolve(".terraform-version")).trim();
        assertThat(terraform).matches(EXACT_VERSION);
        String mise = Repo.read(ROOT.resolve("mise.toml"));
        Matcher miseTerraform = Pattern.compile("(?m)^terraform\\s*=\\s*\"([^\"]+)\"").matcher(mise);
        Matcher miseTerragrunt = Pattern.compile("(?m)^terragrunt\\s*=\\s*\"([^\"]+)\"").matcher(mise);
        assertThat(miseTerraform.find()).isTrue();
        assertThat(miseTerragrunt.find()).isTrue();
        assertThat(miseTerraform.group(1)).isEqualTo(terraform);
        assertThat(miseTerragrunt.group(1)).matches(EXACT_VERSION);
        assertThat(satisfiesPessimistic(terraform, String.valueOf(root.get("terraform_version_constraint")))).isTrue();
        assertThat(satisfiesPessimistic(miseTerragrunt.group(1), String.valueOf(root.get("terragrunt_version_constraint")))).isTrue();
    }

    /** "~> a.b.c" allows a.b.x with x >= c. */
    static boolean satisfiesPessimistic(String version, String constraint) {
        Matcher c = Pattern.compile("~>\\s*(\\d+)\\.(\\d+)\\.(\\d+)").matcher(constraint);
        assertThat(c.matches()).as("constraint " + constraint + " is of the form ~> x.y.z").isTrue();
        String[] v = version.split("\\.");
        return v[0].equals(c.group(1)) && v[1].equals(c.group(2)) && Integer.parseInt(v[2]) >= Integer.parseInt(c.group(3));
    }

    @Test
    void theDatabaseIsPrivateHasAManagedPasswordAndIsMultiAzInProd() {
        Map<String, Object> db = map(map(parse(ROOT.resolve("modules/rds/main.tf")).get("module")).get("db"));
        assertThat(db.get("manage_master_user_password")).isEqualTo(Boolean.TRUE);
        assertThat(db.get("publicly_accessible")).isEqualTo(Boolean.FALSE);
        assertThat(db.get("storage_encrypted")).isEqualTo(Boolean.TRUE);
        assertThat(db).doesNotContainKey("password");
        assertThat(Repo.read(ROOT.resolve("modules/rds/main.tf"))).contains("referenced_security_group_id = var.allowed_security_group_id");
        for (String env : ENVIRONMENTS) {
            Map<String, Object> inputs = TerragruntUnit.of(ROOT.resolve(env + "/rds/terragrunt.hcl")).inputs();
            assertThat(String.valueOf(inputs.get("allowed_security_group_id"))).as("only the " + env + " cluster's nodes reach the database")
                    .isEqualTo("dependency.eks.outputs.node_security_group_id");
        }
        Map<String, Object> prod = TerragruntUnit.of(ROOT.resolve("prod/rds/terragrunt.hcl")).inputs();
        assertThat(prod.get("multi_az")).as("prod database is Multi-AZ").isEqualTo(Boolean.TRUE);
        assertThat(prod.get("deletion_protection")).as("prod database is protected from deletion").isEqualTo(Boolean.TRUE);
    }

    @Test
    void subnetsAreTaggedForLoadBalancersAndTheVpcSpansTwoOrThreeZones() {
        Map<String, Object> vpc = map(map(parse(ROOT.resolve("modules/vpc/main.tf")).get("module")).get("vpc"));
        assertThat(map(vpc.get("public_subnet_tags"))).containsKey("kubernetes.io/role/elb");
        assertThat(map(vpc.get("private_subnet_tags"))).containsKey("kubernetes.io/role/internal-elb");
        for (String env : ENVIRONMENTS) {
            Object azs = map(parse(ROOT.resolve(env + "/env.hcl")).get("locals")).get("azs");
            assertThat(azs).isInstanceOf(List.class);
            assertThat((List<?>) azs).hasSizeBetween(2, 3);
        }
    }

    @Test
    void readmeGivesTheBootstrapOrder() {
        String readme = Repo.read(ROOT.resolve("README.md"));
        List<Integer> positions = new ArrayList<>();
        for (String unit : List.of("ecr", "vpc", "eks", "rds", "dns")) {
            positions.add(readme.indexOf("`" + unit + "`"));
        }
        assertThat(positions).doesNotContain(-1).isSorted();
    }
}
