package dev.mirshop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Login session tokens: 256 random bits, base64url, sent only in the HttpOnly {@code mir_session} cookie.
 * The database keeps the SHA-256 of the token, so a leaked sessions table cannot be replayed as cookies.
 */
public final class SessionTokens {
    public static final String COOKIE = "mir_session";

    private SessionTokens() {
    }

    public static String newToken() {
        return RandomTokens.newToken();
    }

    /** A value we could have issued; anything else is not worth a database lookup. */
    public static boolean isWellFormed(String token) {
        return RandomTokens.isWellFormed(token);
    }

    /** What the sessions.token column stores for a cookie value. */
    public static String storedForm(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
