package dev.mirshop.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The bearer token that the services' write endpoints require and the marketer console sends: {@code shop.service-token}
 * (SHOP_SERVICE_TOKEN, from a Kubernetes Secret in production). When unset, a random token is generated at startup:
 * enough for one process playing every role (the console and the services share it), while separate processes
 * without a configured token simply refuse every write.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Logger LOG = Logger.getLogger(ServiceToken.class);
    static final int MIN_LENGTH = 16;

    @Inject
    ServiceSecurityConfig config;

    private String token;

    @PostConstruct
    void init() {
        String value = config.serviceToken().map(String::trim).orElse("");
        if (value.length() >= MIN_LENGTH) {
            token = value;
            return;
        }
        if (!value.isEmpty()) {
            LOG.warnf("shop.service-token is shorter than %d characters; using a random token instead", MIN_LENGTH);
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("shop.service-token (SHOP_SERVICE_TOKEN) is not set: a random token is used, so the discount and"
                    + " ad services accept writes only from this process");
        }
        token = SessionTokens.newToken();
    }

    /** The value to send as {@code Authorization: Bearer <value>}. */
    public String value() {
        return token;
    }

    /** Whether an Authorization header carries this token; constant-time. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.getBytes(StandardCharsets.UTF_8));
    }
}
