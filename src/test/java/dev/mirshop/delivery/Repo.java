package dev.mirshop.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Paths inside the repository (Maven runs the tests from the project root). */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String relative(Path path) {
        return root().relativize(path.toAbsolutePath()).toString().replace('\\', '/');
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regular files under a folder of the repository, skipping build output and VCS folders. */
    static List<Path> files(Path dir, Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isIgnored(p))
                    .filter(filter)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isIgnored(Path p) {
        String rel = relative(p);
        return rel.startsWith("target/") || rel.startsWith(".git/") || rel.contains("/node_modules/")
                || rel.contains("/.terragrunt-cache/") || rel.contains("/.terraform/") || rel.startsWith(".idea/");
    }
}
