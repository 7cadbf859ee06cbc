-- The demo staff, one account a role: the marketer (the console, docs/marketing.md gives the password) and the
-- operator (the operator page /admin/faults, docs/scenarios.md), with the same demo password. Exists only with the
-- demo data: production runs with SHOP_DEMO_DATA=false and creates its staff with SHOP_BOOTSTRAP_<ROLE>_EMAIL/_PASSWORD
-- (marketing.StaffBootstrap). An existing account of that address is left as it is.
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO accounts (email, password_hash, name, role)
SELECT staff.email, '$2a$10$kEYBO3mVyexmTOTs0jHLeefT28lZZgB1eoJKTc90DQYkrjpb2q/My', staff.name, staff.role
FROM (VALUES ('marketer@mirshop.dev', 'Demo Marketer', 'marketer'),
             ('operator@mirshop.dev', 'Demo Operator', 'operator')) AS staff (email, name, role)
WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE lower(a.email) = staff.email);
END
$demo$;
