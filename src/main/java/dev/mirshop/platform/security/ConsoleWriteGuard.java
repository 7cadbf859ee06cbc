package dev.mirshop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mirshop.platform.errors.Problem;
import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Console writes need {@code Authorization: Bearer <SERVICES_CONSOLE_TOKEN>}. Without a configured token they are
 * open in dev and test only; a production process without one refuses them (403), never silently accepts.
 */
@Provider
@ConsoleWrite
public class ConsoleWriteGuard implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "services.console-token")
    Optional<String> token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.isEmpty() || token.get().isBlank()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                request.abortWith(Problem.of(403, "Forbidden",
                        "Console writes are disabled: set SERVICES_CONSOLE_TOKEN").toResponse());
            }
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String expected = "Bearer " + token.get().trim();
        if (header == null || !MessageDigest.isEqual(header.trim().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Problem.of(401, "Unauthorized", "A console token is required").toResponse());
        }
    }
}
