package dev.mirshop.storefront.cart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

/** Reads and changes carts. Every change locks the cart row first, so one cart changes one request at a time. */
@ApplicationScoped
@Transactional
public class CartService {

    @Inject
    Event<CartItemAdded> addedEvents;

    /** A cart's lines in one statement: variant, product, option label and the best image (the variant's own first). */
    private static final String LINES_SQL = """
            select i.id, i.variant_id, p.name, p.slug, v.sku, opts.label, img.url, img.alt, v.price, v.currency,
                   i.quantity, v.stock_on_hand
            from cart_items i
            join variants v on v.id = i.variant_id
            join products p on p.id = v.product_id
            left join lateral (
                select string_agg(ot.presentation || ': ' || ov.presentation, ', ' order by ot.position, ov.position) as label
                from variants_option_values vov
                join option_values ov on ov.id = vov.option_value_id
                join option_types ot on ot.id = ov.option_type_id
                where vov.variant_id = v.id) opts on true
            left join lateral (
                select url, alt from product_images
                where product_id = p.id and (variant_id is null or variant_id = v.id)
                order by (variant_id is null), position, id limit 1) img on true
            where i.cart_id = ?1
            order by i.added_at, i.id
            """;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cart> find(Optional<String> token) {
        return token.flatMap(Cart::findByToken);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView view(Optional<String> token) {
        return find(token).map(cart -> view(cart.id)).orElse(CartView.empty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView view(long cartId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LINES_SQL).setParameter(1, cartId).getResultList();
        return new CartView(cartId, rows.stream().map(CartService::toLine).toList());
    }

    /**
     * Puts a variant into the cart (or adds to the quantity already there), creating the cart when the shopper has
     * none. Returns the token of the cart used, which the caller hands back as the mir_cart cookie.
     */
    public String add(Optional<String> token, Optional<Long> accountId, long variantId, int quantity) {
        StockedVariant variant = stockedVariant(variantId)
                .orElseThrow(() -> new CartException(Status.NOT_FOUND, "That product could not be found. It may no longer be sold."));
        Cart cart = token.flatMap(Cart::lockByToken).orElse(null);
        int already = cart == null ? 0 : CartItem.inCart(cart.id, variantId).map(i -> i.quantity).orElse(0);
        int wanted = already + quantity;
        if (wanted > CartLimits.MAX_QUANTITY) {
            throw new CartException(Status.BAD_REQUEST, "You can order at most " + CartLimits.MAX_QUANTITY + " of one item"
                    + (already > 0 ? "; you already have " + already + " in your cart." : "."));
        }
        checkStock(variant, wanted, already);
        if (cart == null) {
            cart = newCart(accountId);
        }
        CartItem item = CartItem.inCart(cart.id, variantId).orElse(null);
        if (item == null) {
            item = new CartItem();
            item.cartId = cart.id;
            item.variantId = variantId;
            item.addedAt = OffsetDateTime.now(clock);
            item.quantity = wanted;
            item.persist();
        } else {
            item.quantity = wanted;
        }
        cart.touch(clock);
        addedEvents.fire(new CartItemAdded(variantId, quantity));
        return cart.token;
    }

    public void update(Optional<String> token, long itemId, int quantity) {
        Cart cart = token.flatMap(Cart::lockByToken).orElseThrow(CartService::notInCart);
        CartItem item = itemOf(cart, itemId);
        StockedVariant variant = stockedVariant(item.variantId)
                .orElseThrow(() -> new CartException(Status.CONFLICT, "That product is no longer sold. Please remove it."));
        checkStock(variant, quantity, 0);
        item.quantity = quantity;
        cart.touch(clock);
    }

    public void remove(Optional<String> token, long itemId) {
        Cart cart = token.flatMap(Cart::lockByToken).orElseThrow(CartService::notInCart);
        itemOf(cart, itemId).delete();
        cart.touch(clock);
    }

    private Cart newCart(Optional<Long> accountId) {
        Cart cart = new Cart();
        cart.token = CartCookie.newToken();
        cart.accountId = accountId.orElse(null);
        cart.createdAt = OffsetDateTime.now(clock);
        cart.updatedAt = cart.createdAt;
        cart.persist();
        return cart;
    }

    private static CartItem itemOf(Cart cart, long itemId) {
        CartItem item = CartItem.findById(itemId);
        if (item == null || !item.cartId.equals(cart.id)) {
            throw notInCart();
        }
        return item;
    }

    private static CartException notInCart() {
        return new CartException(Status.NOT_FOUND, "That item is not in your cart. It may have been removed already.");
    }

    private static void checkStock(StockedVariant variant, int wanted, int already) {
        if (variant.stock() <= 0) {
            throw new CartException(Status.CONFLICT, "Sorry, " + variant.name() + " is out of stock.");
        }
        if (wanted > variant.stock()) {
            throw new CartException(Status.CONFLICT, "Only " + variant.stock() + " left of " + variant.name() + "."
                    + (already > 0 ? " You already have " + already + " in your cart." : ""));
        }
    }

    private Optional<StockedVariant> stockedVariant(long variantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.name, v.stock_on_hand from variants v join products p on p.id = v.product_id
                where v.id = ?1 and p.available_on <= ?2
                """).setParameter(1, variantId).setParameter(2, OffsetDateTime.now(clock)).getResultList();
        return rows.stream().findFirst()
                .map(r -> new StockedVariant((String) r[0], ((Number) r[1]).intValue()));
    }

    private record StockedVariant(String name, int stock) {
    }

    private static CartLine toLine(Object[] r) {
        return new CartLine(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (BigDecimal) r[8], (String) r[9],
                ((Number) r[10]).intValue(), ((Number) r[11]).intValue());
    }
}
