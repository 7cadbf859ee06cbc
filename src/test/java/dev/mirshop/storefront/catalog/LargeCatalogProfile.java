package dev.mirshop.storefront.catalog;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A shop whose demo data is a generated catalog of {@value #PRODUCTS} products (SHOP_DEMO_CATALOG_SIZE), in its own
 * embedded database (a test profile restarts the application, and the embedded PostgreSQL with it), so the tests
 * that rely on the hand-made demo catalog never see it. Sitemap files of 5,000 URLs, so the catalog needs several.
 */
public class LargeCatalogProfile implements QuarkusTestProfile {

    static final int PRODUCTS = 20_000;
    static final int URLS_PER_FILE = 5_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shop.demo.catalog-size", String.valueOf(PRODUCTS),
                "shop.sitemap.urls-per-file", String.valueOf(URLS_PER_FILE));
    }

    /** Waits until readiness says the generated catalog is loaded (it loads in the background at startup). */
    static void awaitLoaded() {
        Awaitility.await("the generated demo catalog").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
