package dev.mirshop.delivery;

import dev.mirshop.testing.Tools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * quarkus-embedded-postgresql 0.3.0 starts its own PostgreSQL at every launch, whatever datasource URL is set, so
 * it must never be in the production artifact or image. The `embedded-db` profile adds it unless -Dproduction is
 * given; this test resolves the runtime dependency tree both ways and checks the release workflow's flag.
 */
class ProductionArtifactTest {

    private static final List<String> EMBEDDED = List.of("io.quarkiverse.embedded.postgresql:quarkus-embedded-postgresql",
            "io.zonky.test", "com.icegreen:greenmail");

    @Test
    void productionDependenciesHaveNoEmbeddedPostgresql() throws IOException {
        String production = runtimeDependencies(true);
        assertThat(production).as("dependency:list with -Dproduction").contains("io.quarkus:quarkus-jdbc-postgresql");
        for (String artifact : EMBEDDED) {
            assertThat(production).as("-Dproduction dependencies").doesNotContain(artifact);
        }
        assertThat(production).as("the image extension is there").contains("io.quarkus:quarkus-container-image-jib");
    }

    @Test
    void withoutTheFlagTheEmbeddedDatabaseIsThereSoTheCheckAboveCanFail() throws IOException {
        String laptop = runtimeDependencies(false);
        assertThat(laptop).contains(EMBEDDED.get(0));
        assertThat(laptop).as("the embedded SMTP server (issue 17)").contains("com.icegreen:greenmail");
    }

    /** The code that starts GreenMail and serves /dev/mailbox (src/main/embedded) is compiled only without the flag. */
    @Test
    void onlyTheDefaultBuildCompilesTheEmbeddedSmtpServer() throws IOException {
        assertThat(effectivePom(false)).contains("src/main/embedded/java");
        assertThat(effectivePom(true)).doesNotContain("src/main/embedded");
    }

    /** The effective POM's build, without its {@code <profiles>} (which lists the inactive ones too). */
    private static String effectivePom(boolean production) throws IOException {
        String pom = mavenAnswer(production, out -> List.of("help:effective-pom", "-Doutput=" + out));
        return pom.replaceAll("(?s)<profiles>.*?</profiles>", "");
    }

    @Test
    void theReleaseBuildsTheImageWithTheProductionFlag() {
        String release = Repo.read(Repo.path(".github/workflows/release.yml"));
        int build = release.indexOf("-Dquarkus.container-image.build=true");
        assertThat(build).isPositive();
        String command = release.substring(release.lastIndexOf("mvn ", build), build);
        assertThat(command).contains("-Dproduction");
    }

    private static String runtimeDependencies(boolean production) throws IOException {
        return mavenAnswer(production, out -> List.of("dependency:list", "-DincludeScope=runtime",
                "-DoutputFile=" + out, "-DappendOutput=false"));
    }

    /** Runs a Maven goal that writes its answer to the file it is given, with or without -Dproduction; returns it. */
    private static String mavenAnswer(boolean production, java.util.function.Function<Path, List<String>> goal)
            throws IOException {
        Path out = Files.createTempFile("mvn-answer", production ? "-production.txt" : "-default.txt");
        try {
            List<String> command = new ArrayList<>(List.of(Tools.maven().toString(), "-B", "-q", "-o"));
            command.addAll(goal.apply(out));
            if (production) {
                command.add("-Dproduction");
            }
            Tools.Result result = Tools.run(Repo.root(), 300, command);
            if (!result.ok()) {
                // Offline resolution needs the plugin in the local repository: try once online.
                command.remove("-o");
                result = Tools.run(Repo.root(), 600, command);
            }
            assertThat(result.exitCode()).as(String.join(" ", command) + ":\n" + result.stdout() + result.stderr())
                    .isZero();
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
