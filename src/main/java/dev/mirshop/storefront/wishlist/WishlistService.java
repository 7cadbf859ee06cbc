package dev.mirshop.storefront.wishlist;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.security.RandomTokens;
import dev.mirshop.storefront.cart.CartException;
import dev.mirshop.storefront.cart.CartService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

/**
 * Wishlists of signed-in shoppers: save a variant (from the product page, or out of the cart), remove it, move it to
 * the cart in one step, and a private read-only link (a random token) that shows the list to whoever has it.
 */
@ApplicationScoped
@Transactional
public class WishlistService {

    /** Saved variants with what the cart shows of them: one statement, like the cart's. */
    private static final String LINES_SQL = """
            select i.id, i.variant_id, p.name, p.slug, v.sku, opts.label, img.url, img.alt, v.price, v.currency,
                   v.stock_on_hand
            from wishlist_items i
            """ + CartService.ITEM_VARIANT_JOINS + """
            where i.wishlist_id = ?1
            order by i.added_at desc, i.id desc
            limit 200
            """;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CartService carts;

    /** Saves a variant that is on sale today; saving it twice keeps one entry. Returns the product's name. */
    public String save(long accountId, long variantId) {
        String name = carts.productOnSale(variantId).orElseThrow(CartService::notSold);
        em.createNativeQuery("""
                insert into wishlist_items (wishlist_id, variant_id, added_at) values (?1, ?2, ?3)
                on conflict (wishlist_id, variant_id) do nothing""")
                .setParameter(1, wishlistId(accountId)).setParameter(2, variantId)
                .setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
        return name;
    }

    public void remove(long accountId, long itemId) {
        int removed = em.createNativeQuery("""
                delete from wishlist_items i using wishlists w
                where i.id = ?2 and i.wishlist_id = w.id and w.account_id = ?1""")
                .setParameter(1, accountId).setParameter(2, itemId).executeUpdate();
        if (removed == 0) {
            throw notOnList();
        }
    }

    /**
     * Puts one of the saved variant into the cart and takes it off the list, in one transaction: if the cart refuses
     * (sold out, at most 99), the list stays as it was. Returns the token of the cart used.
     */
    public String moveToCart(long accountId, long itemId, Optional<String> cartToken) {
        long variantId = variantOf(accountId, itemId);
        String used = carts.add(cartToken, Optional.of(accountId), variantId, 1);
        remove(accountId, itemId);
        return used;
    }

    /** "Save for later": the cart item goes onto the list and out of the cart, in one transaction. */
    public String saveFromCart(long accountId, Optional<String> cartToken, long cartItemId) {
        long variantId = carts.variantInCart(cartToken, cartItemId).orElseThrow(CartService::notInCart);
        String name = save(accountId, variantId);
        carts.remove(cartToken, cartItemId);
        return name;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Wishlist of(long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select w.id, w.share_token, a.name from accounts a left join wishlists w on w.account_id = a.id
                where a.id = ?1""").setParameter(1, accountId).getResultList();
        if (rows.isEmpty() || rows.get(0)[0] == null) {
            return new Wishlist(rows.isEmpty() ? "" : (String) rows.get(0)[2], null, List.of());
        }
        Object[] row = rows.get(0);
        return new Wishlist((String) row[2], (String) row[1], lines(((Number) row[0]).longValue()));
    }

    /** The list a private link shows, if the token is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Wishlist> shared(String token) {
        if (!RandomTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select w.id, a.name from wishlists w join accounts a on a.id = w.account_id where w.share_token = ?1""")
                .setParameter(1, token).getResultList();
        return rows.stream().findFirst().map(r -> new Wishlist(firstName((String) r[1]), token,
                lines(((Number) r[0]).longValue())));
    }

    /** A new private link; the old one stops working. */
    public void newShareLink(long accountId) {
        wishlistId(accountId);
        em.createNativeQuery("update wishlists set share_token = ?2 where account_id = ?1")
                .setParameter(1, accountId).setParameter(2, RandomTokens.newToken()).executeUpdate();
    }

    /** How many variants the account has saved (the account page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int count(long accountId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from wishlist_items i join wishlists w on w.id = i.wishlist_id where w.account_id = ?1""")
                .setParameter(1, accountId).getSingleResult()).intValue();
    }

    private long variantOf(long accountId, long itemId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("""
                select i.variant_id from wishlist_items i join wishlists w on w.id = i.wishlist_id
                where i.id = ?2 and w.account_id = ?1""").setParameter(1, accountId).setParameter(2, itemId)
                .getResultList();
        if (rows.isEmpty()) {
            throw notOnList();
        }
        return rows.get(0).longValue();
    }

    /** The account's wishlist id, created (with its link token) on first use. */
    private long wishlistId(long accountId) {
        em.createNativeQuery("""
                insert into wishlists (account_id, share_token, created_at) values (?1, ?2, ?3)
                on conflict (account_id) do nothing""").setParameter(1, accountId)
                .setParameter(2, RandomTokens.newToken()).setParameter(3, OffsetDateTime.now(clock)).executeUpdate();
        return ((Number) em.createNativeQuery("select id from wishlists where account_id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    private List<WishlistLine> lines(long wishlistId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LINES_SQL).setParameter(1, wishlistId).getResultList();
        return rows.stream().map(r -> new WishlistLine(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (BigDecimal) r[8], (String) r[9], ((Number) r[10]).intValue())).toList();
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "A shopper";
        }
        return name.strip().split("\\s+")[0];
    }

    private static CartException notOnList() {
        return new CartException(Status.NOT_FOUND, "That item is not on your wishlist. It may have been removed already.");
    }
}
