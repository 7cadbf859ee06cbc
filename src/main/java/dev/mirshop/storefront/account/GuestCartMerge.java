package dev.mirshop.storefront.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import dev.mirshop.storefront.cart.CartCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * At login (and signup) the guest's cart joins the account's cart:
 * <ul>
 * <li>guest cart and account cart: guest items move into the account cart (same variant: quantities added,
 * capped at 99 and at the variant's stock), the guest cart is deleted, the cookie points to the account cart;</li>
 * <li>guest cart only: it becomes the account's cart;</li>
 * <li>account cart only: the cookie points to it.</li>
 * </ul>
 * A cookie naming another account's cart is ignored (and replaced or cleared). Runs in the caller's transaction.
 */
@ApplicationScoped
public class GuestCartMerge {

    static final int MAX_QUANTITY = 99;

    /** What to do with the {@code mir_cart} cookie afterwards. */
    public record CookieChange(String token, boolean clear) {
        static final CookieChange KEEP = new CookieChange(null, false);
        static final CookieChange CLEAR = new CookieChange(null, true);

        static CookieChange set(String token) {
            return new CookieChange(token, false);
        }
    }

    private record CartRow(long id, String token, Long accountId) {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public CookieChange merge(long accountId, String cookieToken) {
        CartRow cookieCart = CartCookie.isWellFormed(cookieToken) ? lockByToken(cookieToken) : null;
        if (cookieCart != null && cookieCart.accountId() != null && cookieCart.accountId() == accountId) {
            return CookieChange.KEEP;
        }
        boolean foreign = cookieCart != null && cookieCart.accountId() != null;
        CartRow guest = foreign ? null : cookieCart;
        CartRow own = lockNewestOf(accountId);

        if (guest != null && own != null) {
            moveItems(guest.id(), own.id());
            em.createNativeQuery("delete from carts where id = ?1").setParameter(1, guest.id()).executeUpdate();
            touch(own.id());
            return CookieChange.set(own.token());
        }
        if (guest != null) {
            em.createNativeQuery("update carts set account_id = ?1, updated_at = ?3 where id = ?2")
                    .setParameter(1, accountId).setParameter(2, guest.id()).setParameter(3, OffsetDateTime.now(clock))
                    .executeUpdate();
            return CookieChange.KEEP;
        }
        if (own != null) {
            return CookieChange.set(own.token());
        }
        return foreign || cookieToken != null ? CookieChange.CLEAR : CookieChange.KEEP;
    }

    private void moveItems(long fromCart, long toCart) {
        em.createNativeQuery("""
                update cart_items a
                   set quantity = greatest(1, least(a.quantity + g.quantity, ?3, v.stock_on_hand))
                  from cart_items g, variants v
                 where a.cart_id = ?2 and g.cart_id = ?1 and g.variant_id = a.variant_id and v.id = a.variant_id""")
                .setParameter(1, fromCart).setParameter(2, toCart).setParameter(3, MAX_QUANTITY)
                .executeUpdate();
        em.createNativeQuery("""
                update cart_items set cart_id = ?2
                 where cart_id = ?1
                   and variant_id not in (select variant_id from cart_items where cart_id = ?2)""")
                .setParameter(1, fromCart).setParameter(2, toCart)
                .executeUpdate();
    }

    private void touch(long cartId) {
        em.createNativeQuery("update carts set updated_at = ?2 where id = ?1").setParameter(1, cartId)
                .setParameter(2, OffsetDateTime.now(clock)).executeUpdate();
    }

    private CartRow lockByToken(String token) {
        return first(em.createNativeQuery("select id, token, account_id from carts where token = ?1 for update")
                .setParameter(1, token).getResultList());
    }

    private CartRow lockNewestOf(long accountId) {
        return first(em.createNativeQuery("""
                select id, token, account_id from carts where account_id = ?1
                 order by updated_at desc, id desc limit 1 for update""")
                .setParameter(1, accountId).getResultList());
    }

    private static CartRow first(List<?> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new CartRow(((Number) row[0]).longValue(), (String) row[1],
                row[2] == null ? null : ((Number) row[2]).longValue());
    }
}
