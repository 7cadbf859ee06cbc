#!/usr/bin/env python3
"""Writes the demo banners (SVG, 1200x300) and db/demo/ads/R__demo_ads.sql, which embeds them.

Run from the repository root: python3 src/main/ads-seed/generate.py
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEED = ROOT / "src/main/ads-seed"
SQL = ROOT / "src/main/resources/db/demo/ads/R__demo_ads.sql"

CAMPAIGNS = [
    # name, theme, starts, ends, yearly, priority
    ("Everyday", "everyday", None, None, False, 0),
    ("Christmas", "christmas", "2000-12-01T00:00:00Z", "2000-12-27T00:00:00Z", True, 10),
    ("Summer sale", "summer", "2000-06-01T00:00:00Z", "2000-09-01T00:00:00Z", True, 5),
]

# campaign, banner file, title, alt text, target path, weight, taxon, colours (from, to, accent), headline, subline, shape
ADS = [
    ("Everyday", "everyday-new-arrivals.svg", "New arrivals", "New arrivals: fresh designs every week. Shop now.",
     "/products", 3, None, ("#1f3a5f", "#2d6a8f", "#f4b942"), "New arrivals", "Fresh designs every week", "circles"),
    ("Everyday", "everyday-free-shipping.svg", "Free shipping over $25",
     "Free shipping on orders over $25 with code FREESHIP.", "/products", 2, None,
     ("#0f5132", "#198754", "#ffe08a"), "Free shipping over $25", "Use code FREESHIP at checkout", "stripes"),
    ("Everyday", "everyday-mugs.svg", "Mugs for every morning", "Mugs for every morning: see the mug collection.",
     "/t/categories/mugs", 2, "categories/mugs", ("#6f2c1f", "#b5562c", "#ffd9a8"), "Mugs for every morning",
     "Stoneware, enamel and travel mugs", "mug"),
    ("Everyday", "everyday-clothing.svg", "Tees and shirts", "Soft tees and shirts: see the clothing collection.",
     "/t/categories/clothing", 2, "categories/clothing", ("#3b2a6b", "#6b4fb3", "#ffc8e0"), "Tees and shirts",
     "Organic cotton, every size", "shirt"),
    ("Everyday", "everyday-bags.svg", "Bags that carry more", "Bags that carry more: see the bag collection.",
     "/t/categories/bags", 2, "categories/bags", ("#2f3e46", "#52796f", "#cad2c5"), "Bags that carry more",
     "Totes and backpacks built to last", "bag"),
    ("Christmas", "christmas-gifts.svg", "Christmas gifts", "Christmas gifts for everyone: order by 20 December.",
     "/products", 2, None, ("#7a0c0c", "#b3121f", "#ffffff"), "Christmas gifts for everyone",
     "Order by 20 December for delivery", "snow"),
    ("Christmas", "christmas-mugs.svg", "Festive mugs", "Festive mugs for hot chocolate season.",
     "/t/categories/mugs", 1, "categories/mugs", ("#0b3d2e", "#14532d", "#f8d66d"), "Festive mugs",
     "Hot chocolate season is here", "snow"),
    ("Summer sale", "summer-sale.svg", "Summer sale", "Summer sale: up to 30% off tees and bags.",
     "/products", 1, None, ("#f77f00", "#fcbf49", "#003049"), "Summer sale", "Up to 30% off tees and bags", "sun"),
]


def shapes(kind, accent):
    if kind == "circles":
        return "".join(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{accent}" opacity="{o}"/>'
                       for x, y, r, o in [(980, 80, 90, .35), (1100, 220, 120, .25), (860, 250, 50, .4)])
    if kind == "stripes":
        return "".join(f'<rect x="{760 + i * 70}" y="-40" width="28" height="400" fill="{accent}" opacity=".25" '
                       f'transform="rotate(20 {760 + i * 70} 150)"/>' for i in range(7))
    if kind == "mug":
        return (f'<rect x="900" y="90" width="150" height="160" rx="18" fill="{accent}"/>'
                f'<path d="M1050 125 h30 a35 35 0 0 1 0 90 h-30" fill="none" stroke="{accent}" stroke-width="18"/>'
                f'<path d="M945 70 q15 -25 0 -50 M985 70 q15 -25 0 -50" stroke="{accent}" stroke-width="6" '
                f'fill="none" opacity=".7"/>')
    if kind == "shirt":
        return (f'<path d="M900 80 l70 -30 q30 25 60 0 l70 30 l-25 60 l-35 -15 v145 h-140 v-145 l-35 15 z" '
                f'fill="{accent}"/>')
    if kind == "bag":
        return (f'<rect x="900" y="110" width="190" height="150" rx="14" fill="{accent}"/>'
                f'<path d="M950 110 v-30 a45 45 0 0 1 90 0 v30" fill="none" stroke="{accent}" stroke-width="14"/>')
    if kind == "snow":
        flakes = [(820, 60), (900, 150), (980, 70), (1060, 190), (1130, 90), (860, 240), (1010, 250), (1150, 250)]
        return "".join(f'<circle cx="{x}" cy="{y}" r="{6 + (x % 5)}" fill="{accent}" opacity=".85"/>'
                       for x, y in flakes)
    if kind == "sun":
        return (f'<circle cx="1000" cy="150" r="80" fill="{accent}" opacity=".9"/>'
                + "".join(f'<rect x="995" y="20" width="10" height="40" fill="{accent}" '
                          f'transform="rotate({a} 1000 150)"/>' for a in range(0, 360, 30)))
    return ""


def svg(colors, headline, subline, kind):
    start, end, accent = colors
    text = "#ffffff" if kind != "sun" else "#003049"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300" viewBox="0 0 1200 300" role="img">'
        f'<title>{headline}</title>'
        f'<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{start}"/>'
        f'<stop offset="1" stop-color="{end}"/></linearGradient></defs>'
        '<rect width="1200" height="300" fill="url(#g)"/>'
        f'{shapes(kind, accent)}'
        f'<text x="70" y="135" font-family="Helvetica, Arial, sans-serif" font-size="56" font-weight="700" '
        f'fill="{text}">{headline}</text>'
        f'<text x="70" y="185" font-family="Helvetica, Arial, sans-serif" font-size="28" fill="{text}" '
        f'opacity=".9">{subline}</text>'
        f'<rect x="70" y="212" width="170" height="48" rx="24" fill="{accent}"/>'
        f'<text x="155" y="244" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="22" '
        f'font-weight="700" fill="{start}">Shop now</text>'
        '</svg>\n')


def q(value):
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def main():
    lines = [
        "-- Demo campaigns and banners, generated by src/main/ads-seed/generate.py (edit that, not this).",
        "-- Idempotent and guarded by the demo_data placeholder (production: SHOP_DEMO_DATA=false).",
        "DO $demo$", "BEGIN", "IF '${demo_data}' <> 'true' THEN", "    RETURN;", "END IF;", "",
    ]
    for name, theme, starts, ends, yearly, priority in CAMPAIGNS:
        lines.append("INSERT INTO campaigns (name, theme, starts_at, ends_at, yearly, priority) VALUES "
                     f"({q(name)}, {q(theme)}, {q(starts)}, {q(ends)}, {str(yearly).lower()}, {priority}) "
                     "ON CONFLICT DO NOTHING;")
    lines.append("")
    for campaign, file, title, alt, target, weight, taxon, colors, headline, subline, kind in ADS:
        image = svg(colors, headline, subline, kind)
        (SEED / file).write_text(image)
        lines.append("INSERT INTO ads (campaign_id, title, alt_text, target_path, weight, taxon_permalink, banner_name)"
                     f" SELECT id, {q(title)}, {q(alt)}, {q(target)}, {weight}, {q(taxon)}, {q(file)}"
                     f" FROM campaigns WHERE name = {q(campaign)} ON CONFLICT (banner_name) DO NOTHING;")
        lines.append("INSERT INTO banners (ad_id, content_type, content) SELECT id, 'image/svg+xml', "
                     f"convert_to($svg${image.strip()}$svg$, 'UTF8') FROM ads WHERE banner_name = {q(file)} "
                     "ON CONFLICT (ad_id) DO NOTHING;")
    lines += ["END", "$demo$;", ""]
    SQL.write_text("\n".join(lines))


if __name__ == "__main__":
    main()
