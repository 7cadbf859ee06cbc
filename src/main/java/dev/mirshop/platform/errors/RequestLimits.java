package dev.mirshop.platform.errors;

import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses, before any route runs, what no page or API of the shop accepts, each with a clear answer (an HTML page,
 * or problem JSON for APIs) instead of an empty one or a 500 further down:
 * <ul>
 * <li>a request line longer than {@value #MAX_URI} characters: 414 (Vert.x itself cuts at
 * quarkus.http.limits.max-initial-line-length, which is higher);</li>
 * <li>a declared body above quarkus.http.limits.max-body-size: 413;</li>
 * <li>a NUL byte or another control character in the path or query, raw or percent-encoded (%00, %0A...), or a
 * malformed percent escape (%ZZ): 400. PostgreSQL refuses NUL in text, and no shopper types one.</li>
 * </ul>
 * Form bodies and JSON are checked after they are read ({@link InputChecks}, {@link ErrorPages}).
 */
@ApplicationScoped
public class RequestLimits {

    static final int MAX_URI = 4096;
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])");
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;

    void register(@Observes Filters filters) {
        filters.register(this::check, 3000);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI) {
            ErrorPages.endRaw(rc, 414, "The address is too long.");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            ErrorPages.endRaw(rc, 413, "The request is too large.");
            return;
        }
        if (hasControl(uri) || ENCODED_CONTROL.matcher(uri).find() || BAD_ESCAPE.matcher(uri).find()) {
            ErrorPages.endRaw(rc, 400, "The address contains characters we cannot accept.");
            return;
        }
        rc.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBody.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
