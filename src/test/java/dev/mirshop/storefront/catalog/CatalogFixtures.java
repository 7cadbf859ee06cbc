package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Products of a test's own, in a taxon of its own (a taxonomy outside Categories, so menus and demo pages are not
 * disturbed): tests that assert exact orders, counts or stock never depend on the demo data or on other tests.
 */
final class CatalogFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Images that ship with the demo catalog; variant i of a fixture gets image i. */
    static final List<String> IMAGES = List.of("/images/products/essential-crew-tee-black.svg",
            "/images/products/essential-crew-tee-white.svg", "/images/products/essential-crew-tee-grey.svg",
            "/images/products/zip-pouch-set.svg");

    record VariantSpec(String price, String compareAt, int stock, String size, String color) {
        static VariantSpec of(String price, int stock) {
            return new VariantSpec(price, null, stock, null, null);
        }
    }

    private CatalogFixtures() {
    }

    /** A random lowercase word, used in slugs, SKUs and names; letters only, so full-text search sees one word. */
    static String token() {
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    /** Creates taxonomy + root taxon {@code fixtures-<token>} and a child {@code fixtures-<token>/sub}; returns the root permalink. */
    static String taxon(EntityManager em, String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into taxonomies (name, position) values (:name, 99)")
                    .setParameter("name", "Fixtures " + token).executeUpdate();
            em.createNativeQuery("""
                    insert into taxons (taxonomy_id, parent_id, name, permalink, position)
                    select id, null, :name, :permalink, 0 from taxonomies where name = :taxonomy
                    """).setParameter("name", "Fixture " + token).setParameter("permalink", "fixtures-" + token)
                    .setParameter("taxonomy", "Fixtures " + token).executeUpdate();
            em.createNativeQuery("""
                    insert into taxons (taxonomy_id, parent_id, name, permalink, position)
                    select taxonomy_id, id, 'Sub ' || :token, permalink || '/sub', 1 from taxons where permalink = :permalink
                    """).setParameter("token", token).setParameter("permalink", "fixtures-" + token).executeUpdate();
        });
        catalogChanged();
        return "fixtures-" + token;
    }

    /**
     * Creates an available product in the taxon, created {@code minutesAgo} minutes ago, with the given variants
     * (one image each); returns the variant ids in order.
     */
    static List<Long> product(EntityManager em, String slug, String name, String description, String permalink,
            int minutesAgo, VariantSpec... variants) {
        List<Long> created = QuarkusTransaction.requiringNew().call(() -> {
            long productId = ((Number) em.createNativeQuery("""
                    insert into products (name, slug, description, available_on, created_at)
                    values (:name, :slug, :description, timestamptz '2000-01-01', now() - make_interval(mins => :minutes))
                    returning id
                    """).setParameter("name", name).setParameter("slug", slug).setParameter("description", description)
                    .setParameter("minutes", minutesAgo).getSingleResult()).longValue();
            em.createNativeQuery("insert into products_taxons (product_id, taxon_id) select :product, id from taxons where permalink = :permalink")
                    .setParameter("product", productId).setParameter("permalink", permalink).executeUpdate();
            List<Long> ids = new ArrayList<>();
            int position = 0;
            for (VariantSpec v : variants) {
                long variantId = ((Number) em.createNativeQuery("""
                        insert into variants (product_id, sku, price, compare_at_price, stock_on_hand, position)
                        values (:product, :sku, :price, cast(:compareAt as numeric), :stock, :position) returning id
                        """).setParameter("product", productId).setParameter("sku", slug.toUpperCase() + "-" + position)
                        .setParameter("price", new BigDecimal(v.price()))
                        .setParameter("compareAt", v.compareAt() == null ? null : new BigDecimal(v.compareAt()))
                        .setParameter("stock", v.stock()).setParameter("position", position).getSingleResult()).longValue();
                for (String[] option : new String[][] { { "size", v.size() }, { "color", v.color() } }) {
                    if (option[1] != null) {
                        em.createNativeQuery("""
                                insert into variants_option_values (variant_id, option_value_id)
                                select :variant, ov.id from option_values ov join option_types ot on ot.id = ov.option_type_id
                                where ot.name = :type and ov.name = :value
                                """).setParameter("variant", variantId).setParameter("type", option[0])
                                .setParameter("value", option[1]).executeUpdate();
                    }
                }
                em.createNativeQuery("""
                        insert into product_images (product_id, variant_id, url, alt, position)
                        values (:product, :variant, :url, :alt, :position)
                        """).setParameter("product", productId).setParameter("variant", variantId)
                        .setParameter("url", IMAGES.get(position % IMAGES.size()))
                        .setParameter("alt", name + " " + position).setParameter("position", position).executeUpdate();
                ids.add(variantId);
                position++;
            }
            return ids;
        });
        catalogChanged();
        return created;
    }

    static void setStock(EntityManager em, long variantId, int stock) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update variants set stock_on_hand = :stock where id = :id")
                .setParameter("stock", stock).setParameter("id", variantId).executeUpdate());
        catalogChanged();
    }

    /**
     * Pages show what the database holds now, as they do after an order (CatalogCache keeps them otherwise), and so
     * do their facets and the search words, which an order never changes but a fixture's product does.
     */
    static void catalogChanged() {
        Arc.container().instance(CatalogCache.class).get().invalidateAll();
        Arc.container().instance(FacetDirectory.class).get().forget();
        Arc.container().instance(SearchVocabulary.class).get().forget();
    }
}
