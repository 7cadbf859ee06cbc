-- The order number a cart will become, reserved before the first attempt to place it, and the item total its
-- discount code was first redeemed with. Redeeming is idempotent by order number, so a retry after "discounts are
-- unavailable" reuses the number and the code is never counted twice; the retry gets the first answer, which the
-- storefront scales down if the cart shrank since.
ALTER TABLE carts ADD COLUMN reserved_order_number varchar(20);
ALTER TABLE carts ADD COLUMN redeem_item_total numeric(12, 2);
