package dev.mirshop.marketing;

import java.util.Locale;

import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.security.PasswordPolicy;
import dev.mirshop.platform.security.ServiceSecurityConfig;
import dev.mirshop.platform.security.StaffAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Creates (or updates) the production marketer from the environment at startup: SHOP_BOOTSTRAP_MARKETER_EMAIL and
 * SHOP_BOOTSTRAP_MARKETER_PASSWORD, from a Kubernetes Secret. The password is stored as a bcrypt hash only and never
 * logged. Without both variables nothing happens. The accounts are the storefront's: they are written through
 * {@link StaffAccounts}, which the storefront implements.
 */
@ApplicationScoped
public class MarketerBootstrap {

    private static final Logger LOG = Logger.getLogger(MarketerBootstrap.class);

    @Inject
    StaffAccounts accounts;

    void onStart(@Observes StartupEvent event, ShopConfig config, ServiceSecurityConfig security) {
        if (!config.role().serves(ShopRole.storefront)) {
            return;
        }
        var bootstrap = security.bootstrapMarketer();
        if (bootstrap.email().isPresent() && bootstrap.password().isPresent()) {
            ensure(bootstrap.email().get(), bootstrap.password().get(), bootstrap.name());
        }
        var operator = security.bootstrapOperator();
        if (operator.email().isPresent() && operator.password().isPresent()) {
            ensure(operator.email().get(), operator.password().get(), operator.name(), AdminGuard.OPERATOR);
        }
    }

    public void ensure(String rawEmail, String rawPassword, String displayName) {
        ensure(rawEmail, rawPassword, displayName, AdminGuard.ROLE);
    }

    /** Creates or updates the account with this role (marketer, or operator for /admin/faults). */
    public void ensure(String rawEmail, String rawPassword, String displayName, String role) {
        String address = rawEmail.trim().toLowerCase(Locale.ROOT);
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
            LOG.error("SHOP_BOOTSTRAP_MARKETER_EMAIL is not an email address; no marketer was created");
            return;
        }
        String weak = PasswordPolicy.problem(rawPassword, address, displayName);
        if (weak != null) {
            LOG.errorf("SHOP_BOOTSTRAP_MARKETER_PASSWORD is refused (%s); no marketer was created", weak);
            return;
        }
        boolean created = accounts.ensure(address, displayName, rawPassword, role);
        LOG.infof("Bootstrap %s %s %s", role, address, created ? "created" : "updated");
    }
}
