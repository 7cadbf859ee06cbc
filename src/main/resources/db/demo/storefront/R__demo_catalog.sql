-- Demo catalog. Idempotent (ON CONFLICT DO NOTHING) and guarded by the demo_data placeholder, so production
-- switches it off with QUARKUS_FLYWAY_PLACEHOLDERS_DEMO_DATA=false; being repeatable, it re-runs when edited.
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO taxonomies (name, position) VALUES ('Categories', 1), ('Brands', 2) ON CONFLICT (name) DO NOTHING;

INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, position)
SELECT t.id, NULL, 'Categories', 'categories', 0 FROM taxonomies t WHERE t.name = 'Categories'
ON CONFLICT (permalink) DO NOTHING;
INSERT INTO taxons (taxonomy_id, parent_id, name, permalink, position)
SELECT p.taxonomy_id, p.id, v.name, v.permalink, v.position
FROM (VALUES ('Clothing', 'categories/clothing', 1, 'categories'),
             ('Bags', 'categories/bags', 2, 'categories'),
             ('Mugs', 'categories/mugs', 3, 'categories')) AS v(name, permalink, position, parent)
JOIN taxons p ON p.permalink = v.parent
ON CONFLICT (permalink) DO NOTHING;

INSERT INTO products (name, slug, description, featured)
VALUES ('Ruby on Rails Tote', 'ruby-on-rails-tote', 'A sturdy canvas tote.', true)
ON CONFLICT (slug) DO NOTHING;
INSERT INTO variants (product_id, sku, price, stock_on_hand)
SELECT id, 'TOTE-001', 15.99, 20 FROM products WHERE slug = 'ruby-on-rails-tote'
ON CONFLICT (sku) DO NOTHING;
END
$demo$;
