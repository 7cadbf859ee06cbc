package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub workflows parse, pin every action to a commit SHA, refer only to paths that exist, run the README's
 * test command, and release with OIDC (no stored AWS keys) and -Dproduction.
 */
class WorkflowsTest {

    private static final Path WORKFLOWS = Repo.path(".github/workflows");
    private static final Pattern PINNED_ACTION = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    /** Repository paths mentioned in workflow text: working directories, add-paths, path filters, scripts. */
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.$-])((?:kubernetes|terragrunt|grafana-dashboards|docs|src|bench|\\.ci|\\.github)/[\\w./*-]*)");

    static List<Path> workflows() {
        return Repo.files(WORKFLOWS, p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"));
    }

    static JsonNode workflow(String name) {
        return Kustomize.readYaml(WORKFLOWS.resolve(name));
    }

    @Test
    void workflowsParseAndEveryJobHasSteps() {
        assertThat(workflows()).extracting(p -> p.getFileName().toString()).contains("ci.yml", "release.yml");
        for (Path file : workflows()) {
            JsonNode workflow = Kustomize.readYaml(file);
            assertThat(workflow.path("name").asText()).as("name of " + Repo.relative(file)).isNotBlank();
            assertThat(workflow.has("on")).as("triggers of " + Repo.relative(file)).isTrue();
            assertThat(workflow.path("jobs").size()).as("jobs of " + Repo.relative(file)).isPositive();
            workflow.path("jobs").forEach(job -> {
                assertThat(job.path("runs-on").asText()).isNotBlank();
                assertThat(job.path("steps").size()).isPositive();
            });
        }
    }

    @Test
    void everyActionIsPinnedToACommitSha() {
        for (Path file : workflows()) {
            for (JsonNode job : Kustomize.readYaml(file).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    if (step.has("uses")) {
                        String uses = step.path("uses").asText();
                        if (!uses.startsWith("./")) {
                            assertThat(uses).as("action in " + Repo.relative(file)).matches(PINNED_ACTION);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyRepositoryPathAWorkflowMentionsExists() {
        List<String> missing = new ArrayList<>();
        for (Path file : workflows()) {
            Matcher m = REPO_PATH.matcher(Repo.read(file));
            while (m.find()) {
                String path = m.group(1).replaceAll("[.,:;)]+$", "");
                int glob = path.indexOf('*');
                String existing = glob < 0 ? path : path.substring(0, path.lastIndexOf('/', glob) + 1);
                if (!Repo.path(existing).toFile().exists()) {
                    missing.add(Repo.relative(file) + ": " + path);
                }
            }
            for (JsonNode job : Kustomize.readYaml(file).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    if (step.has("working-directory")) {
                        assertThat(Repo.path(step.path("working-directory").asText())).isDirectory();
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void ciRunsTheReadmeTestCommandThroughCiRunOnJava17() {
        JsonNode ci = workflow("ci.yml");
        assertThat(ci.path("on").has("pull_request")).isTrue();
        assertThat(ci.path("on").has("push")).isTrue();
        String steps = ci.path("jobs").toString();
        assertThat(steps).contains("\"java-version\":\"17\"", "bash .ci/run");
        String run = Repo.read(Repo.path(".ci/run"));
        assertThat(run).as("the README test command CI runs").contains("mvn -B verify");
        assertThat(Repo.read(Repo.path("README.md"))).contains("mvn -B verify");
        for (String tool : List.of("chromium", "prometheus", "podman", "runc", "debootstrap", "postgresql", "openssl")) {
            assertThat(run).as(".ci/run installs " + tool).contains(tool);
        }
        assertThat(ci.path("jobs").path("verify").path("env").path("CI").asText()).isEqualTo("true");
    }

    /** Each pinned SHA is the commit of the tag its comment names, and every `with:` key is an input of that commit. */
    @Test
    void everyPinnedActionIsTheRecordedTagAndGetsOnlyItsInputs() {
        JsonNode recorded = Kustomize.readYaml(ArgoCdPlatformTest.UPSTREAM.resolve("github-actions.yaml")).path("actions");
        List<String> problems = new ArrayList<>();
        for (Path file : workflows()) {
            String text = Repo.read(file);
            for (JsonNode job : Kustomize.readYaml(file).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    if (!step.has("uses")) {
                        continue;
                    }
                    String[] uses = step.path("uses").asText().split("@");
                    JsonNode facts = recorded.path(uses[0]);
                    if (facts.isMissingNode() || !facts.path("commit").asText().equals(uses[1])) {
                        problems.add(Repo.relative(file) + ": " + step.path("uses").asText() + " is not a recorded action commit");
                        continue;
                    }
                    if (!text.contains(uses[1] + " # " + facts.path("tag").asText())) {
                        problems.add(Repo.relative(file) + ": " + uses[0] + "@" + uses[1] + " is " + facts.path("tag").asText()
                                + "; say so in its comment");
                    }
                    java.util.Set<String> inputs = ArgoCdPlatformTest.strings(facts.path("inputs"));
                    step.path("with").fieldNames().forEachRemaining(input -> {
                        if (!inputs.contains(input)) {
                            problems.add(Repo.relative(file) + ": " + uses[0] + " " + facts.path("tag").asText() + " has no input " + input);
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void releaseUsesOidcBuildsWithoutTheEmbeddedDatabaseAndBumpsTheDevOverlay() {
        JsonNode release = workflow("release.yml");
        assertThat(release.path("jobs").path("image").path("permissions").path("id-token").asText()).isEqualTo("write");
        String text = Repo.read(WORKFLOWS.resolve("release.yml"));
        assertThat(text).doesNotContain("aws-access-key-id", "aws-secret-access-key", "AWS_SECRET_ACCESS_KEY");
        assertThat(text).contains("role-to-assume:");
        String build = null;
        for (JsonNode step : release.path("jobs").path("image").path("steps")) {
            if (step.path("run").asText().contains("quarkus.container-image.build=true")) {
                build = step.path("run").asText();
            }
        }
        assertThat(build).as("the image build step").isNotNull()
                .contains("mvn ", "-Dproduction", "-Dquarkus.container-image.push=true", "steps.version.outputs.tag");
        assertThat(release.path("jobs").path("image").path("steps").toString()).as("the base image the test proves")
                .contains(Repo.relative(ShopImage.BASE_SCRIPT) + " target/mir-shop-base.tar");
        assertThat(ShopImage.baseImageSetting()).isEqualTo("tar://target/mir-shop-base.tar");
        assertThat(text).contains("git rev-parse --short=7 HEAD");
        JsonNode devSteps = release.path("jobs").path("deploy-dev").path("steps");
        assertThat(devSteps.toString()).contains("kubernetes/overlays/dev", "kustomize edit set image", "git push");
        JsonNode prodSteps = release.path("jobs").path("promote-prod").path("steps");
        assertThat(prodSteps.toString()).contains("kubernetes/overlays/prod", "peter-evans/create-pull-request");
        assertThat(prodSteps.toString()).doesNotContain("git push");
    }

    /** Workflow-wide: nothing; each job: what it uses. Only the image job gets an OIDC token; no job writes contents. */
    @Test
    void everyJobHasOnlyThePermissionsItNeeds() {
        for (Path file : workflows()) {
            JsonNode workflow = Kustomize.readYaml(file);
            JsonNode top = workflow.path("permissions");
            assertThat(top.isEmpty() || top.toString().equals("{\"contents\":\"read\"}"))
                    .as(Repo.relative(file) + " workflow-wide permissions " + top).isTrue();
            workflow.path("jobs").fields().forEachRemaining(job -> {
                JsonNode permissions = job.getValue().path("permissions");
                if (file.getFileName().toString().equals("release.yml")) {
                    assertThat(permissions.isObject()).as("release job " + job.getKey() + " declares its permissions").isTrue();
                }
                assertThat(permissions.path("contents").asText("read")).as(job.getKey() + " contents").isEqualTo("read");
                if (!job.getKey().equals("image")) {
                    assertThat(permissions.has("id-token")).as(job.getKey() + " needs no OIDC token").isFalse();
                }
            });
        }
    }

    /**
     * The production pull request is opened with a GitHub App token (GITHUB_TOKEN's pull requests run no CI and need
     * a repository setting); merging it, or the dev bump, starts no new release; a re-run skips a tag ECR has.
     */
    @Test
    void releaseOpensThePullRequestWithAnAppTokenDoesNotLoopAndCanRunAgain() {
        JsonNode release = workflow("release.yml");
        JsonNode pr = null;
        for (JsonNode step : release.path("jobs").path("promote-prod").path("steps")) {
            if (step.path("uses").asText().startsWith("peter-evans/create-pull-request@")) {
                pr = step;
            }
        }
        assertThat(pr).isNotNull();
        assertThat(pr.path("with").path("token").asText()).contains("steps.app-token.outputs.token").doesNotContain("GITHUB_TOKEN");
        assertThat(release.path("jobs").path("promote-prod").path("steps").toString()).contains("actions/create-github-app-token@");

        JsonNode ignored = workflow("ci.yml").path("on").path("push").path("paths-ignore");
        for (String job : List.of("deploy-dev", "promote-prod")) {
            for (JsonNode step : release.path("jobs").path(job).path("steps")) {
                String add = step.path("run").asText() + " " + step.path("with").path("add-paths").asText();
                Matcher changed = Pattern.compile("kubernetes/overlays/[a-z]+/kustomization\\.yaml").matcher(add);
                while (changed.find()) {
                    assertThat(ignored.toString()).as("ci.yml ignores pushes of " + changed.group() + " (" + job + "), or merging it releases again")
                            .contains(changed.group());
                }
            }
        }
        assertThat(release.path("jobs").path("image").path("if").asText()).as("deploy commits never start a release")
                .contains("startsWith(github.event.workflow_run.head_commit.message, 'deploy(')");

        String existing = null;
        for (JsonNode step : release.path("jobs").path("image").path("steps")) {
            if (step.path("run").asText().contains("aws ecr describe-images")) {
                existing = step.path("id").asText();
            }
        }
        assertThat(existing).as("a step that finds the commit's image in ECR (tags are immutable)").isNotNull();
        for (JsonNode step : release.path("jobs").path("image").path("steps")) {
            String run = step.path("run").asText();
            if (run.contains("base-image.sh") || run.contains("quarkus.container-image.push=true")) {
                assertThat(step.path("if").asText()).as("skipped when the image exists: " + step.path("name").asText())
                        .contains("steps." + existing + ".outputs.found != 'true'");
            }
        }
        assertThat(Repo.read(Repo.path("terragrunt/modules/ecr/main.tf"))).contains("IMMUTABLE");
    }
}
