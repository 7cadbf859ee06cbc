package dev.mirshop.platform.security.csrf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import dev.mirshop.platform.security.ServiceSecurityConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signs CSRF tokens: a token is HMAC-SHA256(key, browser nonce, login session), so a token cannot be made without the
 * server's key, a cookie an attacker plants gives him nothing, and a token stops working when its session ends.
 */
@ApplicationScoped
public class CsrfKey {

    private static final Logger LOG = Logger.getLogger(CsrfKey.class);
    static final int MIN_LENGTH = 32;

    @Inject
    ServiceSecurityConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        String configured = config.csrfKey().map(String::trim).orElse("");
        byte[] material;
        if (configured.length() >= MIN_LENGTH) {
            material = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            if (!configured.isEmpty()) {
                LOG.warnf("shop.csrf-key is shorter than %d characters; using a random key instead", MIN_LENGTH);
            } else if (LaunchMode.current() == LaunchMode.NORMAL) {
                LOG.warn("shop.csrf-key (SHOP_CSRF_KEY) is not set: a random key is used, so a form works only on the"
                        + " process that rendered it (set the same key in every replica)");
            }
            material = new byte[32];
            new SecureRandom().nextBytes(material);
        }
        key = new SecretKeySpec(material, "HmacSHA256");
    }

    /** The token for this nonce and session binding (empty for an anonymous visitor), base64url. */
    public String sign(String nonce, String sessionBinding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("mir-csrf-v1\n".getBytes(StandardCharsets.US_ASCII));
            mac.update(nonce.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            mac.update(sessionBinding.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Whether {@code presented} is the token of this nonce and binding; constant-time. */
    public boolean verify(String presented, String nonce, String sessionBinding) {
        if (presented == null || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                sign(nonce, sessionBinding).getBytes(StandardCharsets.US_ASCII));
    }
}
