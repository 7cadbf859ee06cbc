package dev.mirshop.storefront.cart;

import java.time.OffsetDateTime;
import java.util.Optional;

import dev.mirshop.platform.persistence.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One variant in a cart with its quantity; prices are never stored here, they are read at display and order time. */
@Entity
@Table(name = "cart_items")
public class CartItem extends IdentityEntity {
    @Column(name = "cart_id")
    public Long cartId;
    @Column(name = "variant_id")
    public Long variantId;
    public int quantity;
    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    public static Optional<CartItem> inCart(long cartId, long variantId) {
        return find("cartId = ?1 and variantId = ?2", cartId, variantId).firstResultOptional();
    }
}
