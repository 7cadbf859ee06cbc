package dev.mirshop.platform.security;

import java.util.Set;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Authenticates a request by its {@code mir_session} cookie. No cookie (or a static asset): anonymous,
 * without touching the database. A malformed, unknown or expired cookie: anonymous too (never a failed request), and the
 * cookie is cleared.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SessionAuthenticationMechanism.class);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionTokens.COOKIE);
        if (cookie == null || isStaticAsset(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        String token = cookie.getValue();
        if (!SessionTokens.isWellFormed(token)) {
            AuthCookies.clear(context.request(), context.response(), SessionTokens.COOKIE);
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(new SessionTokenRequest(token), context);
        return identityProviderManager.authenticate(request)
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof AuthenticationFailedException) {
                        AuthCookies.clear(context.request(), context.response(), SessionTokens.COOKIE);
                    } else {
                        LOG.warnf(failure, "Could not check a login session; serving the request anonymously");
                    }
                    return null;
                });
    }

    /** Stylesheets and images are the same for everyone: no session lookup for them. */
    static boolean isStaticAsset(String path) {
        return path != null && (path.startsWith("/css/") || path.startsWith("/images/") || path.startsWith("/js/")
                || path.equals("/favicon.ico"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(303, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }
}
