package dev.mirshop.delivery;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret-looking value anywhere in the repository: cloud keys, private keys, Slack webhooks and tokens,
 * GitHub tokens, and literal passwords, secrets or tokens assigned in configuration files. The patterns are
 * assembled at run time so this file does not match itself.
 */
class NoSecretsInRepositoryTest {

    record Finding(String file, int line, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    private static final String BEGIN = "-----" + "BEGIN";
    private static final List<Rule> TOKEN_RULES = List.of(
            new Rule("AWS access key id", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Rule("AWS secret access key", Pattern.compile("(?i)aws.{0,20}secret.{0,20}[=:]\\s*['\"]?[A-Za-z0-9/+]{40}\\b")),
            new Rule("private key", Pattern.compile(BEGIN + " (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY")),
            new Rule("Slack webhook", Pattern.compile("hooks\\.slack\\.com/(services|workflows)/[A-Za-z0-9/]{10,}")),
            new Rule("Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Rule("GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})")),
            new Rule("Datadog API or application key", Pattern.compile("(?i)(dd|datadog)[_-]?(api|app)[_-]?key\\s*[=:]\\s*['\"]?[0-9a-f]{32,40}\\b")),
            new Rule("Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
            new Rule("password in a URL", Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s/:@'\"]+:[^\\s/@'\"$%{}<>]{3,}@[\\w.-]+")));

    /** key = literal value, where the key names a secret; references ($x, ${x}, {{x}}, <x>) and flags are fine. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)^\\s*[\"']?([\\w.\\-\"]*(password|passwd|secret|token|api[_-]?key|private[_-]?key|credentials?))[\"']?\\s*[:=]\\s*(.+?)\\s*$");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("yml", "yaml", "properties", "hcl", "tf", "json",
            "env", "toml", "sh", "conf", "cfg", "ini", "xml");

    record Rule(String name, Pattern pattern) {
    }

    static List<Finding> scan(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String extension = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Rule rule : TOKEN_RULES) {
                if (rule.pattern().matcher(line).find()) {
                    findings.add(new Finding(file, i + 1, rule.name()));
                }
            }
            // Test fixtures (src/test/) may hold made-up passwords for made-up users; tokens above are checked there too.
            if (CONFIG_EXTENSIONS.contains(extension) && !file.startsWith("src/test/")) {
                Matcher assignment = ASSIGNMENT.matcher(line);
                if (assignment.find() && isLiteralSecret(assignment.group(3))) {
                    findings.add(new Finding(file, i + 1, "literal value for " + assignment.group(1)));
                }
            }
        }
        return findings;
    }

    static boolean isLiteralSecret(String rawValue) {
        String value = rawValue.replaceAll("\\s+#.*$", "").replaceAll("[,;]$", "").trim();
        value = value.replaceAll("^[\"']|[\"']$", "");
        if (value.isEmpty() || value.length() < 6) {
            return false; // empty, "true", "{", a key of a secret reference...
        }
        String lower = value.toLowerCase();
        if (Set.of("true", "false", "null", "none", "required", "optional").contains(lower)) {
            return false;
        }
        if (value.startsWith("$") || value.contains("${") || value.contains("{{") || value.startsWith("<")
                || value.startsWith("{") || value.startsWith("[") || value.startsWith("|") || value.startsWith(">")
                || value.startsWith("&") || value.startsWith("*") || value.startsWith("var.") || value.startsWith("local.")
                || value.startsWith("module.") || value.startsWith("dependency.") || value.startsWith("data.")) {
            return false;
        }
        // Names of keys, Secrets, variables and settings rather than values: lower-case words (or numbers) joined
        // by dashes, dots or underscores, or upper-case environment variable names. "hunter2hunter2" is no name.
        if (value.matches("[a-z]+([._/-]([a-z]+|[0-9]+))*") || value.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
            return false;
        }
        // Prose (descriptions, comments): several words.
        if (value.split("\\s+").length >= 3) {
            return false;
        }
        // What is left is a secret if it looks made to be hard to guess: three kinds of characters
        // (lower, upper, digits, symbols), or letters and digits mixed over 12 characters or more.
        boolean hasLower = value.matches(".*[a-z].*");
        boolean hasUpper = value.matches(".*[A-Z].*");
        boolean hasDigit = value.matches(".*[0-9].*");
        boolean hasSymbol = value.matches(".*[^A-Za-z0-9].*");
        int kinds = (hasLower ? 1 : 0) + (hasUpper ? 1 : 0) + (hasDigit ? 1 : 0) + (hasSymbol ? 1 : 0);
        return kinds >= 3 || ((hasLower || hasUpper) && hasDigit && value.length() >= 12);
    }

    @Test
    void noFileInTheRepositoryContainsASecret() {
        List<Finding> findings = new ArrayList<>();
        for (Path file : Repo.files(Repo.root(), p -> true)) {
            byte[] bytes;
            try {
                if (Files.size(file) > 2_000_000) {
                    continue;
                }
                bytes = Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (isBinary(bytes)) {
                continue;
            }
            findings.addAll(scan(Repo.relative(file), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        }
        assertThat(findings).as("secret-looking values (move them to a Secret or Secrets Manager)").isEmpty();
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theScannerCatchesWhatItLooksFor() {
        String awsKey = "AKIA" + "Q3EXAMPLE7ZZYYXX";
        String slack = "https://hooks.slack" + ".com/services/T0000000/B0000000/abcdefghijklmnopqrstuvwx";
        String slackToken = "xo" + "xb-123456789012-abcdefABCDEF";
        String pem = BEGIN + " RSA PRIVATE KEY-----";
        String gh = "gh" + "p_abcdefghijklmnopqrstuvwxyz0123456789AB";
        assertThat(scan("a.txt", awsKey)).hasSize(1);
        assertThat(scan("a.txt", "url: " + slack)).isNotEmpty();
        assertThat(scan("a.txt", slackToken)).hasSize(1);
        assertThat(scan("a.txt", pem)).hasSize(1);
        assertThat(scan("a.txt", gh)).hasSize(1);
        assertThat(scan("a.txt", "jdbc:postgresql://shop:" + "Sup3rS3cret@db.example.com/shop")).hasSize(1);
        assertThat(scan("application.properties", "quarkus.datasource.password=Sup3r-S3cret!")).hasSize(1);
        assertThat(scan("values.yaml", "  adminPassword: Pr0d-Grafana-2024")).hasSize(1);
        assertThat(scan("main.tf", "  password = \"hunter2hunter2\"")).hasSize(1);
        // references, flags, names and placeholders are not secrets
        assertThat(scan("main.tf", "  manage_master_user_password = true")).isEmpty();
        assertThat(scan("values.yaml", "  passwordKey: admin-password")).isEmpty();
        assertThat(scan("values.yaml", "  token: $slack-token")).isEmpty();
        assertThat(scan("application.properties", "quarkus.datasource.password=${DB_PASSWORD}")).isEmpty();
        assertThat(scan("deployment.yaml", "  - name: QUARKUS_DATASOURCE_PASSWORD")).isEmpty();
        assertThat(scan("secret.yaml", "  apiKeyExistingSecret: datadog-secret")).isEmpty();
        assertThat(scan("application.properties", "quarkus.rest-csrf.token-header-name=X-CSRF-TOKEN")).isEmpty();
        assertThat(scan("values.yaml", "  secretName: mir-shop-database-2")).isEmpty();
    }
}
