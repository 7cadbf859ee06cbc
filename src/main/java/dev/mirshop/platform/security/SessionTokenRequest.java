package dev.mirshop.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A well-formed {@code mir_session} cookie value, to be resolved to an account. */
public class SessionTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
