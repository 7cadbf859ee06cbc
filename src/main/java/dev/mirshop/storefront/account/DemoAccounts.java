package dev.mirshop.storefront.account;

import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/**
 * Whether the demo data's marketer account (db/demo/storefront, password in docs/marketing.md) exists. A laptop run
 * says so loudly: a warning at startup, and a notice on the login page and in the console. The production artifact
 * (-Dproduction) carries no demo data at all, and every Kubernetes overlay runs with SHOP_DEMO_DATA=false.
 */
@ApplicationScoped
@Named("demoAccounts")
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);
    public static final String DEMO_MARKETER = "marketer@mirshop.dev";

    private volatile boolean active;

    @Transactional(Transactional.TxType.SUPPORTS)
    void onStart(@Observes StartupEvent event, ShopConfig config) {
        if (!config.role().serves(ShopRole.storefront)) {
            return;
        }
        active = Account.findByEmail(DEMO_MARKETER).isPresent();
        if (active) {
            LOG.warn("""

                    ********************************************************************************
                    *  DEMO ACCOUNT ACTIVE: the marketer %s can log in with the password          *
                    *  published in docs/marketing.md. This shop runs with the demo data: never     *
                    *  expose it. Production builds with -Dproduction and runs SHOP_DEMO_DATA=false. *
                    ********************************************************************************"""
                    .formatted(DEMO_MARKETER));
        }
    }

    /** {@code {inject:demoAccounts.active}} in the login page and the console's navigation. */
    public boolean isActive() {
        return active;
    }

    public String getMarketer() {
        return DEMO_MARKETER;
    }
}
