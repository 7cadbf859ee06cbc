package dev.mirshop.platform.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 2.1.1, 2.1.7; NIST SP 800-63B 5.1.1.2): at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_BYTES} bytes (bcrypt reads no more), not one of the 30,000 most common passwords
 * (resources/security/common-passwords.txt, also with its trailing digits and symbols removed, or repeated), not a
 * run of one character or of consecutive ones ("aaaaaaaaaaaa", "123456789012"), and not built from the account's
 * own e-mail address or name. No rules about character classes: length is what makes a password strong.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load("/security/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Why this password is refused for this account, as a sentence for the form; null when it is fine. */
    public static String problem(String password, String email, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Password must be at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "Password can be at most " + MAX_BYTES + " characters.";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower) || isCommon(stripEnds(lower)) || isCommon(repeatedUnit(lower))) {
            return "This password is one of the most common ones, which attackers try first. Please choose another.";
        }
        if (lower.chars().distinct().count() < 5 || isRun(lower)) {
            return "This password is too easy to guess. A few unrelated words make a strong password.";
        }
        if (containsAccount(lower, email, name)) {
            return "Your password must not contain your e-mail address or your name.";
        }
        return null;
    }

    public static boolean isCommon(String lowerCased) {
        return lowerCased != null && COMMON.contains(lowerCased);
    }

    /** Without leading and trailing digits and symbols: "Password123!" is "password". */
    static String stripEnds(String s) {
        return s.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    /** "passwordpassword" is "password" twice. */
    static String repeatedUnit(String s) {
        for (int unit = 1; unit <= s.length() / 2; unit++) {
            if (s.length() % unit == 0 && s.substring(0, unit).repeat(s.length() / unit).equals(s)) {
                return s.substring(0, unit);
            }
        }
        return s;
    }

    /** Consecutive characters up or down: "123456789012", "abcdefghijkl", "987654321098". */
    static boolean isRun(String s) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            up += step == 1 || (s.charAt(i - 1) == '9' && s.charAt(i) == '0') ? 1 : 0;
            down += step == -1 || (s.charAt(i - 1) == '0' && s.charAt(i) == '9') ? 1 : 0;
        }
        return up >= s.length() - 2 || down >= s.length() - 2;
    }

    private static boolean containsAccount(String lower, String email, String name) {
        if (email != null && !email.isBlank()) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            int at = e.indexOf('@');
            String local = at > 0 ? e.substring(0, at) : e;
            if (lower.contains(e) || (local.length() >= 4 && lower.contains(local))) {
                return true;
            }
        }
        if (name != null) {
            for (String part : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 4 && stripEnds(lower).equals(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Set<String> words = new HashSet<>(40_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
