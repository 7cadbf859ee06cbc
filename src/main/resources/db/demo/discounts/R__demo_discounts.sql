-- Demo discount codes. Idempotent and guarded by the demo_data placeholder (production: SHOP_DEMO_DATA=false).
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO discount_codes (name, code, kind, value, minimum_order_total, starts_at, ends_at, usage_limit, per_customer_limit)
VALUES
    ('Black Friday: 20% off everything', 'BLACKFRIDAY20', 'percent', 20, 0, NULL, NULL, 1000, NULL),
    ('Free shipping over $25', 'FREESHIP', 'free_shipping', 0, 25, NULL, NULL, NULL, NULL),
    ('Welcome: 10% off your first order', 'WELCOME10', 'percent', 10, 0, NULL, NULL, NULL, 1),
    ('$5 off orders over $40', 'TAKE5', 'fixed', 5, 40, NULL, NULL, NULL, NULL),
    ('Summer 2025: 15% off', 'SUMMER25', 'percent', 15, 0, '2025-06-01T00:00:00Z', '2025-09-01T00:00:00Z', NULL, NULL),
    ('Spring 2099 preview', 'SPRING99', 'percent', 25, 0, '2099-03-01T00:00:00Z', '2099-04-01T00:00:00Z', NULL, NULL)
ON CONFLICT DO NOTHING;
END
$demo$;
