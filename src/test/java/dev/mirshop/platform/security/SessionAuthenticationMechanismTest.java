package dev.mirshop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** The mechanism's cheap paths: no cookie or a malformed one never reaches the identity provider (the database). */
class SessionAuthenticationMechanismTest {

    private final AtomicInteger providerCalls = new AtomicInteger();
    private final List<Cookie> written = new ArrayList<>();

    private SecurityIdentity authenticate(String cookieValue) {
        return authenticate(cookieValue, "/products");
    }

    private SecurityIdentity authenticate(String cookieValue, String path) {
        HttpServerRequest request = proxy(HttpServerRequest.class, (method, args) -> switch (method) {
            case "getCookie" -> cookieValue == null ? null : Cookie.cookie(SessionTokens.COOKIE, cookieValue);
            case "isSSL" -> false;
            case "scheme" -> "http";
            case "getHeader" -> null;
            default -> throw new UnsupportedOperationException(method);
        });
        HttpServerResponse[] response = new HttpServerResponse[1];
        response[0] = proxy(HttpServerResponse.class, (method, args) -> {
            if (method.equals("addCookie")) {
                written.add((Cookie) args[0]);
                return response[0];
            }
            throw new UnsupportedOperationException(method);
        });
        RoutingContext context = proxy(RoutingContext.class, (method, args) -> switch (method) {
            case "request" -> request;
            case "response" -> response[0];
            case "put" -> null;
            case "normalizedPath" -> path;
            default -> throw new UnsupportedOperationException(method);
        });
        IdentityProviderManager manager = proxy(IdentityProviderManager.class, (method, args) -> {
            providerCalls.incrementAndGet();
            return io.smallrye.mutiny.Uni.createFrom().failure(new io.quarkus.security.AuthenticationFailedException());
        });
        return new SessionAuthenticationMechanism().authenticate(context, manager).await().indefinitely();
    }

    @Test
    void noCookieIsAnonymousWithoutAskingTheDatabase() {
        assertThat(authenticate(null)).isNull();
        assertThat(providerCalls).hasValue(0);
        assertThat(written).isEmpty();
    }

    @Test
    void unknownSessionIsLookedUpOnceThenAnonymousAndCleared() {
        assertThat(authenticate(SessionTokens.newToken())).isNull();
        assertThat(providerCalls).hasValue(1);
        assertThat(written).singleElement().satisfies(c -> assertThat(c.getMaxAge()).isZero());
    }

    @Test
    void staticAssetsAreNeverLookedUp() {
        assertThat(authenticate(SessionTokens.newToken(), "/css/shop.css")).isNull();
        assertThat(authenticate(SessionTokens.newToken(), "/images/logo.svg")).isNull();
        assertThat(providerCalls).hasValue(0);
    }

    @Test
    void malformedCookieIsAnonymousClearedAndNeverLookedUp() {
        assertThat(authenticate("not a token; <script>")).isNull();
        assertThat(providerCalls).hasValue(0);
        assertThat(written).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo(SessionTokens.COOKIE);
            assertThat(c.getMaxAge()).isZero();
            assertThat(c.isHttpOnly()).isTrue();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stub";
            }
            if (method.isDefault() && !List.of("put", "getCookie", "isSSL", "getHeader", "addCookie").contains(method.getName())) {
                return java.lang.reflect.InvocationHandler.invokeDefault(p, method, args);
            }
            return handler.handle(method.getName(), args);
        });
    }

    private interface Handler {
        Object handle(String method, Object[] args) throws Throwable;
    }
}
