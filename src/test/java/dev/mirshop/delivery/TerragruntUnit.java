package dev.mirshop.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A unit terragrunt/&lt;env&gt;/&lt;unit&gt;/terragrunt.hcl merged with the _envcommon file it includes, seen the way
 * Terragrunt sees it: included inputs and dependency blocks merged by key (the unit's win), and path expressions
 * evaluated from the unit's folder.
 *
 * hcl4j replaces calls to Terragrunt's functions by empty strings, so path attributes are read from the text and the
 * few functions the configuration uses (get_terragrunt_dir, find_in_parent_folders, dirname) are evaluated here; any
 * other function in a path fails the test rather than being guessed.
 */
record TerragruntUnit(Path file, Map<String, Object> config, Path envcommonFile, Map<String, Object> envcommon) {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern FIND_IN_PARENT_FOLDERS = Pattern.compile("find_in_parent_folders\\(\"([^\"]+)\"\\)");
    private static final Pattern DIRNAME = Pattern.compile("dirname\\((.+)\\)");

    static TerragruntUnit of(Path unitFile) {
        Map<String, Object> config = TerragruntTest.parse(unitFile);
        Path dir = unitFile.getParent();
        Path root = evaluatePath(rawAttribute(unitFile, "include \"root\"", "path"), dir, dir);
        assertThat(root).as("include \"root\" of " + Repo.relative(unitFile)).isEqualTo(Repo.path("terragrunt/root.hcl"));
        Path envcommonFile = evaluatePath(rawAttribute(unitFile, "include \"envcommon\"", "path"), dir, dir);
        assertThat(envcommonFile).as("include \"envcommon\" of " + Repo.relative(unitFile)).exists();
        return new TerragruntUnit(unitFile, config, envcommonFile, TerragruntTest.parse(envcommonFile));
    }

    Path dir() {
        return file.getParent();
    }

    /** The unit's and its _envcommon's text: what references to locals, dependencies and settings are read from. */
    String text() {
        return Repo.read(envcommonFile) + "\n" + Repo.read(file);
    }

    Map<String, Object> inputs() {
        return merged("inputs");
    }

    Map<String, Object> dependencies() {
        return merged("dependency");
    }

    /** The dependency's unit folder, from the file that declares the block, evaluated for this unit. */
    Path dependencyPath(String name) {
        Path declaring = TerragruntTest.map(config.get("dependency")).containsKey(name) ? file : envcommonFile;
        return evaluatePath(rawAttribute(declaring, "dependency \"" + name + "\"", "config_path"), dir(), declaring.getParent());
    }

    /** The local module of terraform.source (the unit's own terraform block, else _envcommon's). */
    Path module() {
        Path declaring = TerragruntTest.map(config.get("terraform")).containsKey("source") ? file : envcommonFile;
        String raw = rawAttribute(declaring, "terraform", "source");
        assertThat(raw).as("terraform.source of " + this + " is a folder of this repository").doesNotContain("::", "?ref=");
        return evaluatePath(raw.replace("//", "/"), dir(), declaring.getParent());
    }

    private Map<String, Object> merged(String key) {
        Map<String, Object> merged = new LinkedHashMap<>(TerragruntTest.map(envcommon.get(key)));
        merged.putAll(TerragruntTest.map(config.get(key)));
        return merged;
    }

    @Override
    public String toString() {
        return Repo.relative(file) + " (with " + Repo.relative(envcommonFile) + ")";
    }

    /** The unparsed expression of `attribute` in the first block whose header starts with `block` (up to its closing brace). */
    static String rawAttribute(Path file, String block, String attribute) {
        String text = Repo.read(file);
        Matcher header = Pattern.compile("(?m)^" + Pattern.quote(block) + "\\s*\\{").matcher(text);
        if (!header.find()) {
            return fail("no block " + block + " in " + Repo.relative(file));
        }
        int end = text.indexOf("\n}", header.end());
        String body = text.substring(header.end(), end < 0 ? text.length() : end);
        Matcher value = Pattern.compile("(?m)^\\s*" + Pattern.quote(attribute) + "\\s*=\\s*(.+?)\\s*$").matcher(body);
        if (!value.find()) {
            return fail("no " + attribute + " in block " + block + " of " + Repo.relative(file));
        }
        return value.group(1);
    }

    /**
     * A path expression: a function call, or a string with interpolations. A string without interpolation is relative
     * to the folder of the file that declares it; function results are absolute.
     */
    static Path evaluatePath(String expression, Path unitDir, Path declaringDir) {
        String value;
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            String template = expression.substring(1, expression.length() - 1);
            Matcher interpolation = INTERPOLATION.matcher(template);
            StringBuilder evaluated = new StringBuilder();
            while (interpolation.find()) {
                interpolation.appendReplacement(evaluated, Matcher.quoteReplacement(function(interpolation.group(1).trim(), unitDir)));
            }
            interpolation.appendTail(evaluated);
            value = evaluated.toString();
        } else {
            value = function(expression.trim(), unitDir);
        }
        Path path = Path.of(value);
        return (path.isAbsolute() ? path : declaringDir.resolve(path)).normalize();
    }

    private static String function(String call, Path unitDir) {
        if (call.equals("get_terragrunt_dir()")) {
            return unitDir.toString();
        }
        Matcher find = FIND_IN_PARENT_FOLDERS.matcher(call);
        if (find.matches()) {
            return findInParentFolders(find.group(1), unitDir).toString();
        }
        Matcher dirname = DIRNAME.matcher(call);
        if (dirname.matches()) {
            return Path.of(function(dirname.group(1).trim(), unitDir)).getParent().toString();
        }
        return fail("TerragruntTest does not evaluate " + call + "; use get_terragrunt_dir(), find_in_parent_folders(\"name\") or dirname(...)");
    }

    /** Like Terragrunt: starts in the parent of the unit's folder and walks up (here: not above the repository). */
    static Path findInParentFolders(String name, Path unitDir) {
        for (Path dir = unitDir.getParent(); dir != null && dir.startsWith(Repo.root()); dir = dir.getParent()) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return fail("find_in_parent_folders(\"" + name + "\") finds nothing above " + Repo.relative(unitDir));
    }
}
