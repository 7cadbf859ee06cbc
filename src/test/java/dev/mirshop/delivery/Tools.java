package dev.mirshop.delivery;

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
import java.util.concurrent.TimeUnit;

/**
 * External tools the delivery checks run. A missing tool fails the test on CI (CI=true) and skips it, with a
 * message saying what to install, on a developer's machine.
 */
final class Tools {

    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Tools() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Path require(String tool, String howToInstall) {
        Path found = find(tool);
        if (found == null) {
            String message = tool + " is not on the PATH (" + howToInstall + ")";
            if (onCi()) {
                Assertions.fail(message + ": CI=true, so this check cannot be skipped");
            }
            Assumptions.abort("skipped: " + message);
        }
        return found;
    }

    private static volatile String kustomizeVersion;

    /** kubectl with an embedded kustomize v5 (components, replacements, labels); Debian's kubectl 1.20 has v2. */
    static Path kubectl() {
        String install = "install kubectl >= 1.27 (embedded kustomize v5), e.g. the kubectl package from the Kubernetes apt repository";
        Path kubectl = require("kubectl", install);
        if (kustomizeVersion == null) {
            Result version = run(Path.of("."), 60, kubectl.toString(), "version", "--client", "-o", "json");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"kustomizeVersion\":\\s*\"v?(\\d+)")
                    .matcher(version.stdout());
            kustomizeVersion = m.find() ? m.group(1) : "0"; // kubectl before 1.24 does not report it

        }
        if (Integer.parseInt(kustomizeVersion) < 5) {
            String message = "kubectl's embedded kustomize is v" + kustomizeVersion + ", v5 is needed (" + install + ")";
            if (onCi()) {
                Assertions.fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return kubectl;
    }

    static Path promtool() {
        return require("promtool", "apt-get install prometheus");
    }

    static Path find(String tool) {
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

    static Result run(Path workDir, long timeoutSeconds, String... command) {
        return run(workDir, timeoutSeconds, Arrays.asList(command));
    }

    static Result run(Path workDir, long timeoutSeconds, List<String> command) {
        try {
            Path out = Files.createTempFile("delivery-tool", ".out");
            Path err = Files.createTempFile("delivery-tool", ".err");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command))
                        .directory(workDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Assertions.fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
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
}
