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
    void ciRunsTheReadmeTestCommandOnJava17WithChromiumAndPrometheus() {
        JsonNode ci = workflow("ci.yml");
        assertThat(ci.path("on").has("pull_request")).isTrue();
        assertThat(ci.path("on").has("push")).isTrue();
        String steps = ci.path("jobs").toString();
        assertThat(steps).contains("mvn -B verify", "\"java-version\":\"17\"", "chromium", "prometheus");
        assertThat(Repo.read(Repo.path(".ci/run"))).as("the README test command CI runs").contains("mvn -B verify");
        assertThat(ci.path("jobs").path("verify").path("env").path("CI").asText()).isEqualTo("true");
    }

    @Test
    void releaseUsesOidcBuildsWithoutTheEmbeddedDatabaseAndBumpsTheDevOverlay() {
        JsonNode release = workflow("release.yml");
        assertThat(release.path("permissions").path("id-token").asText()).isEqualTo("write");
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
        assertThat(text).contains("git rev-parse --short=7 HEAD");
        JsonNode devSteps = release.path("jobs").path("deploy-dev").path("steps");
        assertThat(devSteps.toString()).contains("kubernetes/overlays/dev", "kustomize edit set image", "git push");
        JsonNode prodSteps = release.path("jobs").path("promote-prod").path("steps");
        assertThat(prodSteps.toString()).contains("kubernetes/overlays/prod", "peter-evans/create-pull-request");
        assertThat(prodSteps.toString()).doesNotContain("git push");
    }
}
