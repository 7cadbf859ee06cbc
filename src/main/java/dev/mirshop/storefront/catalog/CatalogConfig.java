package dev.mirshop.storefront.catalog;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The catalog's settings (next to ShopConfig, same prefix). */
@ConfigMapping(prefix = "shop")
public interface CatalogConfig {

    Demo demo();

    Sitemap sitemap();

    interface Demo {
        /**
         * SHOP_DEMO_CATALOG_SIZE: the demo data becomes a generated catalog of this many products (DemoCatalogLoader);
         * unset: the hand-made demo catalog.
         */
        Optional<Integer> catalogSize();
    }

    interface Sitemap {
        /** SHOP_SITEMAP_URLS_PER_FILE: URLs per sitemap file, at most the protocol's 50,000. */
        @WithDefault("50000")
        int urlsPerFile();
    }
}
