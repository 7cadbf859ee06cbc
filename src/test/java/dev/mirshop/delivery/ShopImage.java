package dev.mirshop.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mirshop.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the production image the way the release workflow does: its base from src/main/docker/base-image.sh (the
 * script the release runs, written where quarkus.jib.base-jvm-image points), then the release's own `mvn` command,
 * read from .github/workflows/release.yml, in a copy of the project. Only what cannot work here changes: the image
 * goes to the local podman store instead of ECR.
 *
 * The base (debootstrap + Debian's JRE, about a minute) is cached in ~/.cache/mir-shop, keyed by the script's and
 * the apt mirror's content, so it is rebuilt whenever either changes; the release always builds it fresh.
 */
final class ShopImage {

    static final Path BASE_SCRIPT = Repo.path("src/main/docker/base-image.sh");
    private static final String TAR_PREFIX = "tar://";

    private ShopImage() {
    }

    /** The release workflow's image build command, as written there (one folded line). */
    static String releaseBuildCommand() {
        JsonNode release = Kustomize.readYaml(Repo.path(".github/workflows/release.yml"));
        for (JsonNode step : release.path("jobs").path("image").path("steps")) {
            String run = step.path("run").asText();
            if (run.contains("quarkus.container-image.build=true")) {
                return run.trim();
            }
        }
        throw new AssertionError("no image build step in release.yml");
    }

    /** Where application.properties tells Jib to read the base image from (a tar the release builds first). */
    static String baseImageSetting() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Repo.path("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("quarkus.jib.base-jvm-image", "");
    }

    /** Builds the image and returns its local name. */
    static String build(Path workDir) {
        Path podman = Tools.podman();
        String base = baseImageSetting();
        assertThat(base).as("quarkus.jib.base-jvm-image is the tar made by " + Repo.relative(BASE_SCRIPT)).startsWith(TAR_PREFIX);
        Path project = workDir.resolve("project");
        copyProject(project);
        Path baseTar = project.resolve(base.substring(TAR_PREFIX.length()));
        try {
            Files.createDirectories(baseTar.getParent());
            Files.copy(cachedBase(), baseTar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String image = "localhost/mir-shop-image-test:" + UUID.randomUUID().toString().substring(0, 8);
        List<String> command = new ArrayList<>();
        for (String word : releaseBuildCommand().replaceAll("\\$\\{\\{[^}]*}}", "\\${{expression}}").split("\\s+")) {
            if (word.equals("-Dquarkus.container-image.push=true")) {
                continue; // no registry here: the image goes to podman's store instead
            }
            if (word.startsWith("-Dquarkus.container-image.image=")) {
                word = "-Dquarkus.container-image.image=" + image;
            }
            command.add(word.equals("mvn") ? Tools.maven().toString() : word);
        }
        assertThat(command).as("the release's build command").contains("-Dproduction", "-Dquarkus.container-image.build=true")
                .noneMatch(w -> w.contains("${{"));
        command.add("-Dquarkus.jib.docker-executable-name=" + podman);
        Tools.check(project, 1200, command);
        assertNoDemoData(project.resolve("target/quarkus-app"));
        return image;
    }

    /** The embedded SMTP server's code and /dev/mailbox (src/main/embedded, issue 17): never in production. */
    static final String EMBEDDED_SMTP_CODE = "dev/mirshop/storefront/mail/embedded/";

    /**
     * The production artifact carries neither the demo data nor the demo marketer (issue 13, point 5), nor the
     * embedded SMTP server and its mailbox page (issue 17, point 5), nor the faults' lab-build marker, without which
     * no fault can be switched on (issue 16; platform.faults.FaultRegistry).
     */
    static void assertNoDemoData(Path app) {
        List<String> demo = new ArrayList<>();
        try (var jars = Files.walk(app)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith("db/demo/") || n.startsWith(EMBEDDED_SMTP_CODE)
                                    || n.startsWith("com/icegreen/") || n.startsWith("templates/DevMailboxResource/")
                                    || n.startsWith("faults/"))
                            .forEach(n -> demo.add(app.relativize(jar) + "!" + n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(demo).as("demo data, the embedded SMTP server or the faults' lab-build marker in the production artifact")
                .isEmpty();
    }

    static Path cachedBase() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "mir-shop");
        Path tar = cache.resolve("base-" + baseKey() + ".tar");
        if (Files.isRegularFile(tar)) {
            return tar;
        }
        Tools.debootstrap();
        Tools.podman();
        if (!Tools.isRoot()) {
            Tools.missing("building the base image needs root (debootstrap, chroot, mount)");
        }
        try {
            Files.createDirectories(cache);
            Path partial = cache.resolve(tar.getFileName() + ".partial");
            Tools.check(Repo.root(), 1200, List.of("bash", BASE_SCRIPT.toString(), partial.toString()));
            Files.move(partial, tar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> old = Files.list(cache)) {
                for (Path other : old.filter(p -> p.getFileName().toString().startsWith("base-") && !p.equals(tar)).toList()) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tar;
    }

    private static String baseKey() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(BASE_SCRIPT));
            Path sources = Path.of("/etc/apt/sources.list.d/debian.sources");
            if (Files.isReadable(sources)) {
                sha.update(Files.readAllBytes(sources));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pom.xml and src/main: what the release's checkout builds from (tests are skipped there, -DskipTests). */
    private static void copyProject(Path project) {
        try {
            Tools.run(Repo.root(), 120, List.of("rm", "-rf", project.toString()));
            Files.createDirectories(project);
            Files.copy(Repo.path("pom.xml"), project.resolve("pom.xml"));
            Path main = Repo.path("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path source : files.toList()) {
                    Path target = project.resolve("src/main").resolve(main.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
