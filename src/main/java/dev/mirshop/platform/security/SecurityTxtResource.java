package dev.mirshop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.web.PublicBaseUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * RFC 9116 {@code /.well-known/security.txt}: where to report a vulnerability (docs/security.md). The file is made by
 * the running shop, so its mandatory Expires field moves with the shop's clock instead of going stale in the repo.
 */
@Path("/.well-known/security.txt")
public class SecurityTxtResource {

    static final Duration VALIDITY = Duration.ofDays(180);

    @Inject
    Clock clock;
    @Inject
    PublicBaseUrl publicBaseUrl;
    @Inject
    ShopConfig config;

    @GET
    @Produces("text/plain;charset=UTF-8")
    public String securityTxt() {
        String expires = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.DAYS).plus(VALIDITY));
        return """
                Contact: %s
                Expires: %s
                Preferred-Languages: en
                Canonical: %s
                """.formatted(config.security().contact(), expires, publicBaseUrl.absolute("/.well-known/security.txt"));
    }
}
