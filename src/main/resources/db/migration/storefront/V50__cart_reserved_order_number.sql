-- The order number a cart will become, reserved before the first attempt to place it. Redeeming a discount code
-- is idempotent by order number, so a retry after "discounts are unavailable" reuses the number and the code is
-- never counted twice.
ALTER TABLE carts ADD COLUMN reserved_order_number varchar(20);
