package dev.mirshop.delivery;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets that exist in the clusters but never in the repository. docs/deploy.md lists them in a table whose rows
 * start with | `name` | `namespace` |; a manifest may refer to a Secret only if it is built or listed there.
 */
final class ExternalSecrets {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|\\s*`([a-z0-9-]+)`\\s*\\|",
            Pattern.MULTILINE);

    private ExternalSecrets() {
    }

    /** "namespace/name" of every Secret documented as created outside the repository. */
    static Set<String> documented() {
        Set<String> secrets = new LinkedHashSet<>();
        Matcher row = ROW.matcher(Repo.read(Repo.path("docs/deploy.md")));
        while (row.find()) {
            secrets.add(row.group(2) + "/" + row.group(1));
        }
        return secrets;
    }
}
