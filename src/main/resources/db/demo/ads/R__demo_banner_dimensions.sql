-- Dimensions of the demo banners (all 1200x300 SVGs, see R__demo_ads.sql), so the console shows them like uploads.
DO $demo$
BEGIN
IF '${demo_data}' <> 'true' THEN
    RETURN;
END IF;

INSERT INTO banner_dimensions (ad_id, width, height)
SELECT a.id, 1200, 300 FROM ads a JOIN banners b ON b.ad_id = a.id
 WHERE a.banner_name IN ('christmas-gifts.svg', 'christmas-mugs.svg', 'everyday-bags.svg', 'everyday-clothing.svg',
       'everyday-free-shipping.svg', 'everyday-mugs.svg', 'everyday-new-arrivals.svg', 'summer-sale.svg')
ON CONFLICT (ad_id) DO NOTHING;
END
$demo$;
