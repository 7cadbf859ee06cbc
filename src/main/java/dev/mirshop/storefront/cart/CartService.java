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
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

/**
 * Reads and changes carts: the one owner of the cart tables' SQL (the cart page, checkout, order placement and the
 * merge at login all come through here). Every change locks the cart row first, so one cart changes one request at
 * a time.
 */
@ApplicationScoped
@Transactional
public class CartService {

    @Inject
    Event<CartItemAdded> addedEvents;

    /**
     * How the cart shows an item's variant: its product, option label and best image (the variant's own first). The
     * joins of a query over items aliased {@code i} with a {@code variant_id}; the wishlist shows its items this way too.
     */
    public static final String ITEM_VARIANT_JOINS = """
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
            """;

    /** A cart's lines in one statement. */
    private static final String LINES_SQL = """
            select i.id as item_id, i.variant_id, p.name as product_name, p.slug as product_slug, v.sku,
                   opts.label as variant_label, img.url as image_url, img.alt as image_alt, v.price as unit_price,
                   v.currency, i.quantity, v.stock_on_hand as stock
            from cart_items i
            """ + ITEM_VARIANT_JOINS + """
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
        List<Tuple> rows = em.createNativeQuery(LINES_SQL, Tuple.class).setParameter(1, cartId).getResultList();
        return new CartView(cartId, rows.stream().map(CartService::toLine).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasItems(long cartId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from cart_items where cart_id = ?1)")
                .setParameter(1, cartId).getSingleResult();
    }

    /** How many items the cart of this token holds (the header's count): 0 for no cart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int itemCount(String token) {
        Number n = (Number) em.createNativeQuery("""
                select coalesce(sum(i.quantity), 0) from cart_items i join carts c on c.id = i.cart_id
                where c.token = ?1""").setParameter(1, token).getSingleResult();
        return n.intValue();
    }

    /** Whether a cart in checkout holds this order number for its order (numbers are drawn before the order exists). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reservesOrderNumber(String number) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from carts where reserved_order_number = ?1)")
                .setParameter(1, number).getSingleResult();
    }

    /** What the cart's items cost at today's prices, without reading the rest of each line. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal itemTotal(long cartId) {
        return (BigDecimal) em.createNativeQuery("""
                select coalesce(sum(v.price * i.quantity), 0) from cart_items i join variants v on v.id = i.variant_id
                where i.cart_id = ?1""").setParameter(1, cartId).getSingleResult();
    }

    /** A cart line as stock sees it: so much of a variant, named for the shopper if it ran short. */
    public record WantedStock(long variantId, int quantity, String productName) {
    }

    /** The cart's lines in variant order, so that concurrent orders lock variant rows in one order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WantedStock> wantedStock(long cartId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select i.variant_id, i.quantity, p.name as product_name from cart_items i
                join variants v on v.id = i.variant_id join products p on p.id = v.product_id
                where i.cart_id = ?1 order by i.variant_id
                """, Tuple.class).setParameter(1, cartId).getResultList();
        return rows.stream().map(r -> new WantedStock(number(r, "variant_id").longValue(),
                number(r, "quantity").intValue(), r.get("product_name", String.class))).toList();
    }

    /** Takes every item out of the cart (it became an order), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void empty(long cartId) {
        em.createNativeQuery("delete from cart_items where cart_id = ?1").setParameter(1, cartId).executeUpdate();
    }

    /** Locks the cart of this token (if it exists) until the transaction ends. */
    public Optional<Cart> lockByToken(String token) {
        return Cart.lockByToken(token);
    }

    /** Locks the account's most recently changed cart, if it has one. */
    public Optional<Cart> lockNewestOf(long accountId) {
        return Cart.lockNewestOf(accountId);
    }

    /**
     * Moves a guest cart's items into another cart and deletes the guest cart. A variant in both keeps one line with
     * the quantities added, capped at {@link CartLimits#MAX_QUANTITY} and at the variant's stock (at least 1).
     */
    public void moveItems(Cart from, Cart into) {
        em.createNativeQuery("""
                update cart_items a
                   set quantity = greatest(1, least(a.quantity + g.quantity, ?3, v.stock_on_hand))
                  from cart_items g, variants v
                 where a.cart_id = ?2 and g.cart_id = ?1 and g.variant_id = a.variant_id and v.id = a.variant_id""")
                .setParameter(1, from.id).setParameter(2, into.id).setParameter(3, CartLimits.MAX_QUANTITY)
                .executeUpdate();
        em.createNativeQuery("""
                update cart_items set cart_id = ?2
                 where cart_id = ?1
                   and variant_id not in (select variant_id from cart_items where cart_id = ?2)""")
                .setParameter(1, from.id).setParameter(2, into.id)
                .executeUpdate();
        from.delete(); // its remaining items (the variants both carts had) go with it: ON DELETE CASCADE
        into.touch(clock);
    }

    /** A guest cart becomes the account's. */
    public void giveTo(Cart cart, long accountId) {
        cart.accountId = accountId;
        cart.touch(clock);
    }

    /**
     * Puts a variant into the cart (or adds to the quantity already there), creating the cart when the shopper has
     * none. Returns the token of the cart used, which the caller hands back as the mir_cart cookie.
     */
    public String add(Optional<String> token, Optional<Long> accountId, long variantId, int quantity) {
        StockedVariant variant = stockedVariant(variantId).orElseThrow(CartService::notSold);
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

    /** The variant of this item of the shopper's cart, if it is in that cart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> variantInCart(Optional<String> token, long itemId) {
        return find(token).flatMap(cart -> Optional.ofNullable(CartItem.<CartItem>findById(itemId))
                .filter(item -> item.cartId.equals(cart.id))).map(item -> item.variantId);
    }

    /** The name of the variant's product, if it is on sale today (whatever its stock). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> productOnSale(long variantId) {
        return stockedVariant(variantId).map(StockedVariant::name);
    }

    /** The answer to a variant that is not (or no longer) on sale. */
    public static CartException notSold() {
        return new CartException(Status.NOT_FOUND, "That product could not be found. It may no longer be sold.");
    }

    /** The answer to an item that is not (or no longer) in the shopper's cart. */
    public static CartException notInCart() {
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
        List<Tuple> rows = em.createNativeQuery("""
                select p.name, v.stock_on_hand from variants v join products p on p.id = v.product_id
                where v.id = ?1 and p.available_on <= ?2
                """, Tuple.class).setParameter(1, variantId).setParameter(2, OffsetDateTime.now(clock)).getResultList();
        return rows.stream().findFirst()
                .map(r -> new StockedVariant(r.get("name", String.class), number(r, "stock_on_hand").intValue()));
    }

    private record StockedVariant(String name, int stock) {
    }

    private static CartLine toLine(Tuple r) {
        return new CartLine(number(r, "item_id").longValue(), number(r, "variant_id").longValue(),
                r.get("product_name", String.class), r.get("product_slug", String.class), r.get("sku", String.class),
                r.get("variant_label", String.class), r.get("image_url", String.class),
                r.get("image_alt", String.class), r.get("unit_price", BigDecimal.class),
                r.get("currency", String.class), number(r, "quantity").intValue(), number(r, "stock").intValue());
    }

    /** A numeric column by name, whatever integer type the driver chose for it. */
    private static Number number(Tuple row, String column) {
        return row.get(column, Number.class);
    }
}
