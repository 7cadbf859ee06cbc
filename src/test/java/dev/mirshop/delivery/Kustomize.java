package dev.mirshop.delivery;

import dev.mirshop.testing.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds kustomizations with `kubectl kustomize` (default load restrictor, as Argo CD does) and parses them. */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<Path, List<ObjectNode>> BUILDS = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Every folder under kubernetes/ whose kustomization is a Kustomization (components are built through tests/). */
    static List<Path> buildableDirs() {
        return Repo.files(Repo.path("kubernetes"), p -> p.getFileName().toString().equals("kustomization.yaml"))
                .stream()
                .filter(p -> !readYaml(p).path("kind").asText("Kustomization").equals("Component"))
                .map(Path::getParent)
                .toList();
    }

    /**
     * True for a kustomization that another one lists under resources (base/shop, platform/base...): it is a
     * part, whose references may point at objects its siblings build, so only its build and schemas are checked.
     */
    static boolean isPart(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        List<Path> kustomizations = new ArrayList<>(Repo.files(Repo.path("kubernetes"),
                p -> p.getFileName().toString().equals("kustomization.yaml")));
        kustomizations.addAll(Repo.files(Repo.path("grafana-dashboards"),
                p -> p.getFileName().toString().equals("kustomization.yaml")));
        for (Path kustomization : kustomizations) {
            for (JsonNode resource : readYaml(kustomization).path("resources")) {
                if (kustomization.getParent().resolve(resource.asText()).toAbsolutePath().normalize().equals(target)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Path> componentDirs() {
        return Repo.files(Repo.path("kubernetes/components"), p -> p.getFileName().toString().equals("kustomization.yaml"))
                .stream()
                .filter(p -> readYaml(p).path("kind").asText().equals("Component"))
                .map(Path::getParent)
                .toList();
    }

    static List<ObjectNode> build(Path dir) {
        return BUILDS.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::runBuild);
    }

    static Tools.Result tryBuild(Path dir) {
        return Tools.run(Repo.root(), 120, Tools.kubectl().toString(), "kustomize", dir.toString());
    }

    private static List<ObjectNode> runBuild(Path dir) {
        Tools.Result result = tryBuild(dir);
        if (!result.ok()) {
            Assertions.fail("kubectl kustomize " + Repo.relative(dir) + " failed:\n" + result.stderr());
        }
        return parseDocuments(result.stdout());
    }

    static List<ObjectNode> parseDocuments(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static String id(JsonNode object) {
        JsonNode meta = object.path("metadata");
        String ns = meta.path("namespace").asText("");
        return object.path("kind").asText() + " " + (ns.isEmpty() ? "" : ns + "/") + meta.path("name").asText();
    }
}
