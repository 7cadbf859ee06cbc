package dev.mirshop.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place tests find external programs, one method per program (kubectl, promtool, Prometheus, Alertmanager,
 * amtool, the exporters, podman, runc, debootstrap, PostgreSQL, openssl, Maven, chromium for {@link Chromium}), and
 * run them. A missing tool fails the test on CI (CI=true) and skips it, with the Debian package to install, on a
 * developer's machine. A test that needs a new program adds a method here rather than looking it up itself.
 */
public final class Tools {

    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String output() {
            return stdout + stderr;
        }
    }

    private static volatile String kustomizeVersion;

    private Tools() {
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails on CI, skips elsewhere. */
    public static void missing(String message) {
        if (onCi()) {
            Assertions.fail(message + ": CI=true, so this check cannot be skipped");
        }
        Assumptions.abort("skipped: " + message);
    }

    /**
     * The first of {@code candidates} that exists: an absolute path, or a name looked up on the PATH (Debian puts
     * some daemons, e.g. prometheus-alertmanager, under a package-specific name).
     */
    private static Path require(String description, String aptPackage, String... candidates) {
        Optional<Path> found = findFirst(candidates);
        if (found.isEmpty()) {
            missing(description + " not found (" + String.join(", ", candidates) + "): apt-get install " + aptPackage);
        }
        return found.orElse(null);
    }

    /** The first of {@code candidates} that exists: an absolute path, or a name looked up on the PATH. */
    private static Optional<Path> findFirst(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            Path found = path.isAbsolute() ? (Files.isExecutable(path) ? path : null) : find(candidate);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static Path require(String tool, String howToInstall) {
        Path found = find(tool);
        if (found == null) {
            missing(tool + " is not on the PATH (" + howToInstall + ")");
        }
        return found;
    }

    /** kubectl with an embedded kustomize v5 (components, replacements, labels); Debian's kubectl 1.20 has v2. */
    public static Path kubectl() {
        String install = "install kubectl >= 1.27 (embedded kustomize v5), e.g. the kubectl package from the Kubernetes apt repository";
        Path kubectl = require("kubectl", install);
        if (kustomizeVersion == null) {
            Result version = run(Path.of("."), 60, kubectl.toString(), "version", "--client", "-o", "json");
            Matcher m = Pattern.compile("\"kustomizeVersion\":\\s*\"v?(\\d+)").matcher(version.stdout());
            kustomizeVersion = m.find() ? m.group(1) : "0"; // kubectl before 1.24 does not report it
        }
        if (Integer.parseInt(kustomizeVersion) < 5) {
            missing("kubectl's embedded kustomize is v" + kustomizeVersion + ", v5 is needed (" + install + ")");
        }
        return kubectl;
    }

    public static Path promtool() {
        return require("promtool", "prometheus", "promtool", "/usr/bin/promtool");
    }

    /** The Prometheus server (Debian package prometheus). */
    public static Path prometheus() {
        return require("Prometheus server", "prometheus", "/usr/bin/prometheus", "prometheus");
    }

    public static Path alertmanager() {
        return require("Alertmanager", "prometheus-alertmanager", "/usr/bin/prometheus-alertmanager", "alertmanager");
    }

    public static Path amtool() {
        return require("amtool", "prometheus-alertmanager", "amtool", "/usr/bin/amtool");
    }

    public static Path postgresExporter() {
        return require("postgres_exporter", "prometheus-postgres-exporter", "/usr/bin/prometheus-postgres-exporter",
                "postgres_exporter");
    }

    /**
     * The blackbox exporter, which a test may do without on a developer's machine (it leaves out what needs it):
     * empty there when missing; on CI (CI=true) a missing one fails the test.
     */
    public static Optional<Path> blackboxExporter() {
        Optional<Path> found = findFirst("/usr/bin/prometheus-blackbox-exporter", "blackbox_exporter");
        if (found.isEmpty() && onCi()) {
            missing("prometheus-blackbox-exporter not found: apt-get install prometheus-blackbox-exporter");
        }
        return found;
    }

    /** The Maven that runs this build (maven.home), else mvn on the PATH. */
    public static Path maven() {
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn");
        }
        return require("mvn", "install Maven");
    }

    /** Debian's chromium (CHROMIUM_PATH overrides where), for {@link Chromium}; never a downloaded browser. */
    public static Path chromium() {
        Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            missing("chromium (apt-get install chromium) is not installed: " + executable);
        }
        return executable;
    }

    public static Path podman() {
        return require("podman", "apt-get install podman");
    }

    public static Path runc() {
        return requireSystemTool("runc", "runc");
    }

    public static Path debootstrap() {
        return requireSystemTool("debootstrap", "debootstrap");
    }

    /** A tool Debian installs in /usr/sbin, which is not on every user's PATH. */
    private static Path requireSystemTool(String tool, String aptPackage) {
        Path found = find(tool);
        if (found == null && Files.isExecutable(Path.of("/usr/sbin", tool))) {
            found = Path.of("/usr/sbin", tool);
        }
        if (found == null) {
            missing(tool + " is not installed (apt-get install " + aptPackage + ")");
        }
        return found;
    }

    public static Path openssl() {
        return require("openssl", "apt-get install openssl");
    }

    /** The bin folder of Debian's PostgreSQL server (initdb, pg_ctl, postgres), newest major version first. */
    public static Path postgresqlBin() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (var versions = Files.list(lib)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max((a, b) -> Integer.compare(major(a), major(b)));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        missing("PostgreSQL server is not installed (apt-get install postgresql)");
        return null;
    }

    private static int major(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static Result run(Path workDir, long timeoutSeconds, String... command) {
        return run(workDir, timeoutSeconds, Arrays.asList(command));
    }

    public static Result run(Path workDir, long timeoutSeconds, List<String> command) {
        return run(workDir, timeoutSeconds, command, Map.of());
    }

    /** Runs a command to its end (output to temporary files, so a chatty tool never blocks on a full pipe). */
    public static Result run(Path workDir, long timeoutSeconds, List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                        .directory(workDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Assertions.fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
                            + tail(Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8)));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed; the failure message carries its output. */
    public static Result check(Path workDir, long timeoutSeconds, List<String> command) {
        Result result = run(workDir, timeoutSeconds, command);
        if (!result.ok()) {
            Assertions.fail(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + tail(result.output()));
        }
        return result;
    }

    public static String tail(String text) {
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
