package dev.mirshop.marketing;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code ?preview-campaign=<id>} on a shop page, honoured only for marketers: shoppers and anonymous visitors never
 * see a preview (the parameter is ignored for them). Pages ask {@link #fromRequest()}; with a value they show the ads of
 * {@code AdPreview.ads(id, context, count)} instead of the live selection, and must not be cached.
 */
@Named("previewCampaign")
@RequestScoped
public class PreviewCampaign {

    public static final String PARAMETER = "preview-campaign";

    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;

    public Optional<Long> fromRequest() {
        return parse(identity.isAnonymous() || !identity.hasRole(AdminGuard.ROLE) ? null : request.getParam(PARAMETER));
    }

    static Optional<Long> parse(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }

    /** Whether this page shows a preview (for a banner saying so, and for Cache-Control: private, no-store). */
    public boolean active() {
        return fromRequest().isPresent();
    }
}
