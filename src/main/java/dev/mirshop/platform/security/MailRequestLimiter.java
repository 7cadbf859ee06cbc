package dev.mirshop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;

/**
 * Limits forms that send a mail to an address the visitor types (password reset, order lookup): so many per e-mail
 * address and so many per client address in one window. Known and unknown addresses count alike, so a refusal says
 * nothing about who has an account or an order; and nobody can make the shop flood one inbox.
 */
public final class MailRequestLimiter {

    private static final int MAX_KEYS = 100_000;

    private final AttemptLimiter addresses;
    private final AttemptLimiter clients;

    public MailRequestLimiter(int perAddress, int perClient, Duration window, Clock clock) {
        this.addresses = new AttemptLimiter(perAddress, window, clock, MAX_KEYS);
        this.clients = new AttemptLimiter(perClient, window, clock, MAX_KEYS);
    }

    /** How long this request must wait (the longer of the two limits), or empty when it may go ahead. */
    public Optional<Duration> retryAfter(String email, HttpServerRequest request) {
        Optional<Duration> address = addresses.retryAfter(addressKey(email));
        Optional<Duration> client = clients.retryAfter(clientKey(request));
        if (address.isEmpty()) {
            return client;
        }
        return client.isEmpty() || address.get().compareTo(client.get()) > 0 ? address : client;
    }

    /** Counts one request, whatever its outcome. */
    public void record(String email, HttpServerRequest request) {
        addresses.record(addressKey(email));
        clients.record(clientKey(request));
    }

    static String addressKey(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return e.length() > 254 ? e.substring(0, 254) : e;
    }

    /** The client's address: the connection's, or X-Forwarded-For's from a trusted proxy (Quarkus decides). */
    public static String clientKey(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** "a minute", "3 minutes": how long to wait, for a sentence on the page. */
    public static String waitMessage(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
