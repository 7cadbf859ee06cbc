-- The demo marketer (docs/marketing.md gives the password). Exists only with the demo data: production runs
-- with SHOP_DEMO_DATA=false and creates its marketers with the bootstrap account instead.
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO accounts (email, password_hash, name, role)
SELECT 'marketer@mirshop.dev', '$2a$10$kEYBO3mVyexmTOTs0jHLeefT28lZZgB1eoJKTc90DQYkrjpb2q/My', 'Demo Marketer', 'marketer'
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = 'marketer@mirshop.dev');
END
$demo$;
