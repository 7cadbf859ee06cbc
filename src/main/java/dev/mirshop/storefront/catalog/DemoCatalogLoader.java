package dev.mirshop.storefront.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code SHOP_DEMO_CATALOG_SIZE=n} ({@code shop.demo.catalog-size}) makes the demo data a generated catalog of n
 * products: at startup, on a thread of its own, this calls the database's demo_generate_catalog(n)
 * (db/demo/storefront/R__demo_catalog_generator.sql: set-based, one transaction, idempotent, so a restart with the
 * same size finds it loaded). Until it has committed, pages show the hand-made demo catalog and readiness
 * ({@link DemoCatalogReadiness}) answers 503, so a load balancer sends no shopper here before the catalog is whole.
 */
@ApplicationScoped
public class DemoCatalogLoader {

    private static final Logger LOG = Logger.getLogger(DemoCatalogLoader.class);

    public enum State {
        /** No generated catalog asked for: the hand-made demo catalog (or production's own). */
        NOT_ASKED, LOADING, LOADED, FAILED
    }

    @Inject
    CatalogConfig config;
    @ConfigProperty(name = "quarkus.flyway.placeholders.demo_data", defaultValue = "true")
    boolean demoData;
    @Inject
    ShopConfig shop;
    @Inject
    DataSource dataSource;
    @Inject
    CatalogCache pages;
    @Inject
    TaxonDirectory taxons;
    @Inject
    OptionValueDirectory optionValues;
    @Inject
    FacetDirectory facets;
    @Inject
    SearchVocabulary vocabulary;

    private volatile State state = State.NOT_ASKED;
    private volatile String outcome = "";

    void onStart(@Observes StartupEvent event) {
        Optional<Integer> size = size();
        if (size.isEmpty() || !shop.role().serves(ShopRole.storefront)) {
            return;
        }
        if (!demoData) {
            LOG.warnf("SHOP_DEMO_CATALOG_SIZE=%d ignored: the demo data is switched off", size.get());
            return;
        }
        state = State.LOADING;
        Thread generator = new Thread(this::load, "demo-catalog-generator");
        generator.setDaemon(true);
        generator.start();
    }

    /** Generates (or finds) the catalog of the configured size; what startup runs, on its own thread. */
    void load() {
        int products = size().orElseThrow();
        state = State.LOADING;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement generate = connection.prepareStatement("select demo_generate_catalog(?)")) {
            connection.setAutoCommit(true);
            generate.setInt(1, products);
            try (ResultSet result = generate.executeQuery()) {
                result.next();
                outcome = result.getString(1);
            }
            pages.invalidateAll();
            taxons.forget();
            optionValues.forget();
            facets.forget();
            vocabulary.forget();
            state = State.LOADED;
            LOG.infof("%s in %.1f s", outcome, (System.nanoTime() - started) / 1e9);
        } catch (SQLException | RuntimeException e) {
            outcome = e.getMessage();
            state = State.FAILED;
            LOG.errorf(e, "The demo catalog of %d products could not be generated", products);
        }
    }

    public State state() {
        return state;
    }

    public Optional<Integer> size() {
        return config.demo().catalogSize();
    }

    /** What the generator answered, or why it failed. */
    public String outcome() {
        return outcome;
    }
}
