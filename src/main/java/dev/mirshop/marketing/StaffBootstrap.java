package dev.mirshop.marketing;

import java.util.Locale;

import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.security.PasswordPolicy;
import dev.mirshop.platform.security.ServiceSecurityConfig;
import dev.mirshop.platform.security.ServiceSecurityConfig.BootstrapStaff;
import dev.mirshop.platform.security.StaffAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Creates (or updates) the production staff from the environment at startup, one account a role:
 * SHOP_BOOTSTRAP_MARKETER_EMAIL/_PASSWORD/_NAME (the console) and SHOP_BOOTSTRAP_OPERATOR_EMAIL/_PASSWORD/_NAME (the
 * operator page /admin/faults), from a Kubernetes Secret. The password is stored as a bcrypt hash only and never
 * logged. Without both email and password a role gets nobody. The accounts are the storefront's: they are written
 * through {@link StaffAccounts}, which the storefront implements.
 */
@ApplicationScoped
public class StaffBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class);

    @Inject
    StaffAccounts accounts;

    void onStart(@Observes StartupEvent event, ShopConfig config, ServiceSecurityConfig security) {
        if (!config.role().serves(ShopRole.storefront)) {
            return;
        }
        ensure(security.bootstrapMarketer(), AdminGuard.ROLE, "Marketing");
        ensure(security.bootstrapOperator(), AdminGuard.OPERATOR, "Operations");
    }

    private void ensure(BootstrapStaff staff, String role, String defaultName) {
        if (staff.email().isPresent() && staff.password().isPresent()) {
            ensure(staff.email().get(), staff.password().get(), staff.name().orElse(defaultName), role);
        }
    }

    /** Creates or updates the account with this role (marketer, or operator for /admin/faults). */
    public void ensure(String rawEmail, String rawPassword, String displayName, String role) {
        String settings = "SHOP_BOOTSTRAP_" + role.toUpperCase(Locale.ROOT);
        String address = rawEmail.trim().toLowerCase(Locale.ROOT);
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
            LOG.errorf("%s_EMAIL is not an email address; no %s was created", settings, role);
            return;
        }
        String weak = PasswordPolicy.problem(rawPassword, address, displayName);
        if (weak != null) {
            LOG.errorf("%s_PASSWORD is refused (%s); no %s was created", settings, weak, role);
            return;
        }
        boolean created = accounts.ensure(address, displayName, rawPassword, role);
        LOG.infof("Bootstrap %s %s %s", role, address, created ? "created" : "updated");
    }
}
