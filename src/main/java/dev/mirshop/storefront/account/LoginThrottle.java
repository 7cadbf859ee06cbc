package dev.mirshop.storefront.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.mirshop.platform.security.AttemptLimiter;
import dev.mirshop.platform.security.ThrottleConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Slows down password guessing on /login (shoppers and marketers alike) and mass signups on /signup: failures are
 * counted per account and per client, signups per client. A refused attempt is refused whatever its password, so
 * the 51st guess learns nothing, and it is answered the same for known and unknown accounts.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    @Inject
    ThrottleConfig config;
    @Inject
    Clock clock;

    private AttemptLimiter accounts;
    private AttemptLimiter clients;
    private AttemptLimiter signups;

    @PostConstruct
    void init() {
        accounts = new AttemptLimiter(config.loginFailuresPerAccount(), config.window(), clock, MAX_KEYS);
        clients = new AttemptLimiter(config.loginFailuresPerClient(), config.window(), clock, MAX_KEYS);
        signups = new AttemptLimiter(config.signupsPerClient(), config.window(), clock, MAX_KEYS);
    }

    /** How long this login must wait, or empty when it may be checked. */
    public Optional<Duration> loginRetryAfter(String email, HttpServerRequest request) {
        Optional<Duration> account = accounts.retryAfter(accountKey(email));
        Optional<Duration> client = clients.retryAfter(clientKey(request));
        if (account.isEmpty()) {
            return client;
        }
        return client.isEmpty() || account.get().compareTo(client.get()) > 0 ? account : client;
    }

    public void loginFailed(String email, HttpServerRequest request) {
        accounts.record(accountKey(email));
        clients.record(clientKey(request));
    }

    public void loginSucceeded(String email) {
        accounts.reset(accountKey(email));
    }

    /** Counts a signup attempt; how long to wait when this client signed up too often. */
    public Optional<Duration> signupRetryAfter(HttpServerRequest request) {
        return signups.retryAfter(clientKey(request));
    }

    public void signupAttempted(HttpServerRequest request) {
        signups.record(clientKey(request));
    }

    static String accountKey(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return e.length() > 254 ? e.substring(0, 254) : e;
    }

    /** The client's address: the connection's, or X-Forwarded-For's from a trusted proxy (Quarkus decides). */
    static String clientKey(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** "Please wait 3 minutes" for a wait. */
    static String waitMessage(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
