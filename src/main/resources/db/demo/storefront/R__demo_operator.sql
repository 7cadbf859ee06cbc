-- The demo operator (role operator: the operator page /admin/faults, docs/scenarios.md). Same demo password as the
-- demo marketer (docs/marketing.md). Exists only with the demo data; production creates its operators with
-- SHOP_BOOTSTRAP_OPERATOR_EMAIL/_PASSWORD, and faults are refused there anyway (SHOP_FAULTS_ENABLED is never true).
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO accounts (email, password_hash, name, role)
SELECT 'operator@mirshop.dev', '$2a$10$kEYBO3mVyexmTOTs0jHLeefT28lZZgB1eoJKTc90DQYkrjpb2q/My', 'Demo Operator', 'operator'
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = 'operator@mirshop.dev');
END
$demo$;
