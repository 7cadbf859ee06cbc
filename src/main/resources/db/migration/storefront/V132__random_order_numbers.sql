-- Order numbers are drawn at random (storefront.order.OrderNumbers): no two carts may reserve the same one.
CREATE UNIQUE INDEX carts_reserved_order_number_idx ON carts (reserved_order_number)
    WHERE reserved_order_number IS NOT NULL;
