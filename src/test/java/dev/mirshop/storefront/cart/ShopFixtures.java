package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.util.UUID;

import dev.mirshop.storefront.catalog.CatalogCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Test data of our own (unique slugs and SKUs), so tests never depend on the demo catalog or on each other. */
@ApplicationScoped
@Transactional
public class ShopFixtures {

    public static final long OWNER_ACCOUNT_ID = 990_001L;
    public static final String OWNER_EMAIL = "cart-owner@example.test";
    public static final long OTHER_ACCOUNT_ID = 990_002L;
    public static final String OTHER_EMAIL = "cart-other@example.test";

    @Inject
    EntityManager em;
    @Inject
    CatalogCache catalogPages;

    public record Item(long variantId, long productId, String slug, String sku, String name, String label) {
    }

    public Item product(String name, String price, int stock) {
        return product(name, price, stock, null);
    }

    /**
     * A product with one variant, optionally with an option value given as "size:M" (label "Size: M"). Kept out of
     * other areas' way: no taxon, not featured, dated 2000-01-01 (last in "newest"), and a one-word name
     * ("Cartfix-LinenShirt-1a2b3c4d") that no catalog search for "shirt" or "mug" matches.
     */
    public Item product(String name, String price, int stock, String option) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String slug = "cartfix-" + suffix;
        String sku = "CARTFIX-" + suffix.toUpperCase();
        String productName = "Cartfix-" + name.replace(" ", "") + "-" + suffix;
        long productId = ((Number) em.createNativeQuery("""
                insert into products (name, slug, description, available_on, created_at)
                values (?1, ?2, 'Cart test fixture', timestamptz '2000-01-01', timestamptz '2000-01-01') returning id
                """).setParameter(1, productName).setParameter(2, slug).getSingleResult()).longValue();
        long variantId = ((Number) em.createNativeQuery(
                "insert into variants (product_id, sku, price, stock_on_hand) values (?1, ?2, ?3, ?4) returning id")
                .setParameter(1, productId).setParameter(2, sku).setParameter(3, new BigDecimal(price))
                .setParameter(4, stock).getSingleResult()).longValue();
        em.createNativeQuery("insert into product_images (product_id, url, alt) values (?1, ?2, ?3)")
                .setParameter(1, productId).setParameter(2, "/images/fixtures/" + slug + ".svg")
                .setParameter(3, name + " picture").executeUpdate();
        String label = null;
        if (option != null) {
            label = optionValue(variantId, option.split(":")[0], option.split(":")[1]);
        }
        catalogPages.invalidateAll();
        return new Item(variantId, productId, slug, sku, productName, label);
    }

    /** Uses the catalog's own option type and value when they exist (no second "Size" filter), else creates them. */
    private String optionValue(long variantId, String type, String value) {
        em.createNativeQuery("insert into option_types (name, presentation, position) values (?1, ?2, 1) on conflict (name) do nothing")
                .setParameter(1, type).setParameter(2, capitalize(type)).executeUpdate();
        em.createNativeQuery("""
                insert into option_values (option_type_id, name, presentation)
                select t.id, lower(?2), ?2 from option_types t where t.name = ?1
                  and not exists (select 1 from option_values v where v.option_type_id = t.id
                                  and (lower(v.name) = lower(?2) or v.presentation = ?2))
                on conflict (option_type_id, name) do nothing
                """).setParameter(1, type).setParameter(2, value).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select v.id, t.presentation || ': ' || v.presentation from option_values v
                join option_types t on t.id = v.option_type_id
                where t.name = ?1 and (lower(v.name) = lower(?2) or v.presentation = ?2) order by v.id limit 1
                """).setParameter(1, type).setParameter(2, value).getSingleResult();
        em.createNativeQuery("insert into variants_option_values (variant_id, option_value_id) values (?1, ?2)")
                .setParameter(1, variantId).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        return (String) row[1];
    }

    public int stock(long variantId) {
        return ((Number) em.createNativeQuery("select stock_on_hand from variants where id = ?1")
                .setParameter(1, variantId).getSingleResult()).intValue();
    }

    public void setStock(long variantId, int stock) {
        em.createNativeQuery("update variants set stock_on_hand = ?2 where id = ?1")
                .setParameter(1, variantId).setParameter(2, stock).executeUpdate();
        catalogPages.invalidateAll();
    }

    public void setPrice(long variantId, String price) {
        em.createNativeQuery("update variants set price = ?2 where id = ?1")
                .setParameter(1, variantId).setParameter(2, new BigDecimal(price)).executeUpdate();
        catalogPages.invalidateAll();
    }

    /** Quantity of a variant in the cart of this token; 0 when absent. */
    public int quantityInCart(String token, long variantId) {
        Number n = (Number) em.createNativeQuery("""
                select coalesce(sum(i.quantity), 0) from cart_items i join carts c on c.id = i.cart_id
                where c.token = ?1 and i.variant_id = ?2
                """).setParameter(1, token).setParameter(2, variantId).getSingleResult();
        return n.intValue();
    }

    public long cartItemId(String token, long variantId) {
        return ((Number) em.createNativeQuery("""
                select i.id from cart_items i join carts c on c.id = i.cart_id where c.token = ?1 and i.variant_id = ?2
                """).setParameter(1, token).setParameter(2, variantId).getSingleResult()).longValue();
    }

    public long countCarts(String token) {
        return ((Number) em.createNativeQuery("select count(*) from carts where token = ?1")
                .setParameter(1, token).getSingleResult()).longValue();
    }

    /** Orders that contain this SKU. */
    public long ordersWithSku(String sku) {
        return ((Number) em.createNativeQuery("select count(distinct order_id) from order_lines where sku = ?1")
                .setParameter(1, sku).getSingleResult()).longValue();
    }

    public Object[] cartRow(String token) {
        return (Object[]) em.createNativeQuery("""
                select account_id, email, shipping_method, payment_method, card_brand, card_last4 from carts where token = ?1
                """).setParameter(1, token).getSingleResult();
    }

    /** Every text column of the cart row, joined: to prove a card number was never stored. */
    public String cartRowText(String token) {
        return (String) em.createNativeQuery("select c::text from carts c where token = ?1")
                .setParameter(1, token).getSingleResult();
    }

    public Object[] orderRow(String number) {
        return (Object[]) em.createNativeQuery("""
                select account_id, email, payment_method, payment_state, card_brand, card_last4, item_total,
                       shipping_total, discount_total, total, access_token, state
                from orders where number = ?1
                """).setParameter(1, number).getSingleResult();
    }

    public String orderRowText(String number) {
        return (String) em.createNativeQuery("select o::text from orders o where number = ?1")
                .setParameter(1, number).getSingleResult();
    }

    public Object[] orderLine(String number, String sku) {
        return (Object[]) em.createNativeQuery("""
                select l.product_name, l.product_slug, l.variant_label, l.unit_price, l.quantity, l.line_total
                from order_lines l join orders o on o.id = l.order_id where o.number = ?1 and l.sku = ?2
                """).setParameter(1, number).setParameter(2, sku).getSingleResult();
    }

    /** Accounts with fixed ids, for tests that log in with @TestSecurity (which needs the id in an annotation). */
    public void ensureAccounts() {
        em.createNativeQuery("""
                insert into accounts (id, email, password_hash, name, address_name, address_line1, address_city,
                                      address_zip, address_country, address_phone)
                values (?1, ?2, 'x', 'Olivia Owner', 'Olivia Owner', '1 Market Street', 'San Francisco', '94105', 'US', '+1 415 555 0100'),
                       (?3, ?4, 'x', 'Otto Other', null, null, null, null, null, null)
                on conflict do nothing
                """).setParameter(1, OWNER_ACCOUNT_ID).setParameter(2, OWNER_EMAIL)
                .setParameter(3, OTHER_ACCOUNT_ID).setParameter(4, OTHER_EMAIL).executeUpdate();
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase() + s.substring(1);
    }

    public record PlacedOrderRow(String number, String token) {
    }

    /** An order placed earlier by this account (or a guest when null), written directly so access tests stand alone. */
    public PlacedOrderRow order(Long accountId) {
        String number = "R" + String.format("%09d",
                ((Number) em.createNativeQuery("select nextval('order_number_seq')").getSingleResult()).longValue());
        String token = CartCookie.newToken();
        long orderId = ((Number) em.createNativeQuery("""
                insert into orders (number, access_token, account_id, email, payment_state, ship_name, ship_line1,
                                    ship_city, ship_zip, ship_country, shipping_method, payment_method, item_total,
                                    shipping_total, total)
                values (?1, ?2, ?3, 'someone@example.test', 'pending', 'Sam Someone', '5 Elm Street', 'Portland',
                        '97201', 'US', 'express', 'cod', 24.00, 14.99, 38.99)
                returning id
                """).setParameter(1, number).setParameter(2, token).setParameter(3, accountId).getSingleResult())
                .longValue();
        em.createNativeQuery("""
                insert into order_lines (order_id, sku, product_name, product_slug, unit_price, quantity, line_total)
                values (?1, 'FX-ORDER', 'Enamel Pin', 'enamel-pin', 12.00, 2, 24.00)
                """).setParameter(1, orderId).executeUpdate();
        return new PlacedOrderRow(number, token);
    }
}
