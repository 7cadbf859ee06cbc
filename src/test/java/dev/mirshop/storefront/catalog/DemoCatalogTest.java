package dev.mirshop.storefront.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The demo catalog's promises: enough products, variants, stock situations and an image file for each product. */
@QuarkusTest
class DemoCatalogTest {

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    /** Other test classes add fixture products (own slug prefixes) to the shared database; they are not demo data. */
    private static final String DEMO_PRODUCT = "p.slug not similar to '(zq|cartfix-|acct-fixture-)%'";

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Test
    void hasAtLeast24AvailableProductsAcrossTheCategories() {
        assertThat(count("select count(*) from products where available_on <= now()")).isGreaterThanOrEqualTo(24);
        for (String permalink : List.of("categories/clothing/shirts", "categories/clothing/t-shirts", "categories/bags", "categories/mugs")) {
            assertThat(count("select count(*) from products_taxons pt join taxons t on t.id = pt.taxon_id where t.permalink = '"
                    + permalink + "'")).as(permalink).isGreaterThanOrEqualTo(4);
        }
        assertThat(count("select count(*) from taxons where permalink like 'brands/%'")).isBetween(3L, 4L);
        assertThat(count("select count(*) from products p where p.available_on <= now() and " + DEMO_PRODUCT + " and not exists "
                + "(select 1 from products_taxons pt join taxons t on t.id = pt.taxon_id where pt.product_id = p.id and t.permalink like 'brands/%')"))
                .as("products without a brand").isZero();
    }

    @Test
    void hasProductsWithSizeAndColorVariants() {
        assertThat(count("""
                select count(*) from products p where (select count(*) from variants v where v.product_id = p.id
                  and exists (select 1 from variants_option_values vov where vov.variant_id = v.id)) >= 2
                """)).isGreaterThanOrEqualTo(6);
        assertThat(count("""
                select count(*) from (select v.product_id from variants v join variants_option_values vov on vov.variant_id = v.id
                  join option_values ov on ov.id = vov.option_value_id join option_types ot on ot.id = ov.option_type_id
                  where ot.name = 'color' group by v.product_id having count(distinct ov.id) >= 2) multi_color
                """)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void colorVariantsHaveTheirOwnImage() {
        long colorsWithoutImage = count("""
                select count(*) from variants v join variants_option_values vov on vov.variant_id = v.id
                  join option_values ov on ov.id = vov.option_value_id join option_types ot on ot.id = ov.option_type_id
                where ot.name = 'color'
                  and (select count(distinct ov2.id) from variants v2 join variants_option_values vov2 on vov2.variant_id = v2.id
                       join option_values ov2 on ov2.id = vov2.option_value_id
                       where v2.product_id = v.product_id and ov2.option_type_id = ot.id) > 1
                  and not exists (select 1 from product_images i where i.variant_id = v.id)
                """);
        assertThat(colorsWithoutImage).isZero();
    }

    @Test
    void hasOutOfStockAndLowStockProducts() {
        String totals = "(select p.id, p.featured, (select sum(stock_on_hand) from variants v where v.product_id = p.id) as total "
                + "from products p where p.available_on <= now() and p.slug not like 'zq%') t";
        assertThat(count("select count(*) from " + totals + " where total = 0")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from " + totals + " where total between 1 and 3")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from " + totals + " where featured")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(distinct product_id) from variants where compare_at_price > price")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(distinct created_at::date) from products")).as("spread of created_at").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyProductHasAnImageThatShipsWithTheApp() {
        assertThat(count("select count(*) from products p where " + DEMO_PRODUCT
                + " and not exists (select 1 from product_images i where i.product_id = p.id)"))
                .isZero();
        @SuppressWarnings("unchecked")
        List<String> urls = em.createNativeQuery("select distinct i.url from product_images i join products p on p.id = i.product_id where "
                + DEMO_PRODUCT).getResultList();
        assertThat(urls).isNotEmpty();
        for (String url : urls) {
            assertThat(url).startsWith("/images/products/").endsWith(".svg");
            assertThat(getClass().getResource("/META-INF/resources" + url)).as(url).isNotNull();
        }
        @SuppressWarnings("unchecked")
        List<String> icons = em.createNativeQuery("select icon from taxons where icon is not null").getResultList();
        assertThat(icons).hasSizeGreaterThanOrEqualTo(5);
        icons.forEach(icon -> assertThat(getClass().getResource("/META-INF/resources" + icon)).as(icon).isNotNull());
    }

    @Test
    void demoDataIsGuardedByThePlaceholder() throws Exception {
        assertThat(demoSql()).contains("DO $demo$").contains("IF '${demo_data}' <> 'true' THEN");
    }

    @Test
    void runningTheDemoDataAgainChangesNothing() throws Exception {
        String snapshot = """
                select (select count(*) from products) || '/' || (select count(*) from variants) || '/'
                    || (select coalesce(sum(stock_on_hand), 0) from variants) || '/' || (select count(*) from product_images) || '/'
                    || (select count(*) from product_properties) || '/' || (select count(*) from taxons) || '/'
                    || (select count(*) from variants_option_values) || '/' || (select count(*) from products_taxons)
                """;
        String before = (String) em.createNativeQuery(snapshot).getSingleResult();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(demoSql().replace("${demo_data}", "true"));
        }
        assertThat((String) em.createNativeQuery(snapshot).getSingleResult()).isEqualTo(before);
    }

    private String demoSql() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/db/demo/storefront/R__demo_catalog.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
