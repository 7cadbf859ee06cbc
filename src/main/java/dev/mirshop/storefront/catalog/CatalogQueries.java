package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Read-side queries of the catalog: explicit SQL returning plain records, a fixed number of statements per page
 * (a listing page is one query for the cards and one count; the product page five), never entity by entity.
 * Only products with available_on in the past are ever returned.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    /** Columns of a {@link ProductCard}: the first-position variant's price, the first image, total stock. */
    static final String CARD_COLUMNS = """
            p.slug, p.name, v.price, v.compare_at_price, v.currency, img.url, img.alt, stock.total
            """;
    static final String CARD_JOINS = """
            join lateral (select price, compare_at_price, currency from variants
                          where product_id = p.id order by position, id limit 1) v on true
            left join lateral (select url, alt from product_images
                          where product_id = p.id order by position, id limit 1) img on true
            join lateral (select coalesce(sum(stock_on_hand), 0) as total from variants where product_id = p.id) stock on true
            """;
    /** Available on the shop's clock: every query that uses it binds {@code :now} with {@link #currentTime()}. */
    static final String AVAILABLE = "p.available_on <= :now";
    /** Products in a taxon or any of its descendants: descendants share the permalink prefix. */
    static final String IN_TAXON = """
            exists (select 1 from products_taxons pt join taxons t on t.id = pt.taxon_id
                    where pt.product_id = p.id and (t.permalink = :permalink or t.permalink like :permalinkPrefix))
            """;
    static final String MATCHES_KEYWORDS = "p.search_vector @@ websearch_to_tsquery('shop_search', :keywords)";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private OffsetDateTime currentTime() {
        return OffsetDateTime.now(clock);
    }

    public List<ProductCard> featured(int limit) {
        return cards(em.createNativeQuery("select " + CARD_COLUMNS + " from products p " + CARD_JOINS
                + " where p.featured and " + AVAILABLE + " order by p.created_at desc, p.id limit :limit")
                .setParameter("now", currentTime()).setParameter("limit", limit));
    }

    /** One page of cards (one query) and the number of matching products (one count query). */
    public ListingPage listing(ListingQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        Query cards = em.createNativeQuery("select " + CARD_COLUMNS + " from products p " + CARD_JOINS
                + " where " + where + " order by " + q.sort().orderBy() + " limit :limit offset :offset");
        Query count = em.createNativeQuery("select count(*) from products p where " + where);
        params.forEach((k, v) -> {
            cards.setParameter(k, v);
            count.setParameter(k, v);
        });
        cards.setParameter("limit", ListingQuery.PAGE_SIZE).setParameter("offset", q.offset());
        List<ProductCard> page = cards(cards);
        long total = page.isEmpty() && q.page() == 1 ? 0 : ((Number) count.getSingleResult()).longValue();
        return new ListingPage(page, total, q.page());
    }

    private String where(ListingQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(AVAILABLE);
        params.put("now", currentTime());
        if (q.permalink() != null) {
            where.append(" and ").append(IN_TAXON);
            params.put("permalink", q.permalink());
            params.put("permalinkPrefix", q.permalink() + "/%");
        }
        if (q.keywords() != null) {
            where.append(" and ").append(MATCHES_KEYWORDS);
            params.put("keywords", q.keywords());
        }
        if (q.filtered()) {
            // a product matches when one of its variants has all the chosen options and a price in range
            where.append(" and exists (select 1 from variants fv where fv.product_id = p.id");
            if (q.minPrice() != null) {
                where.append(" and fv.price >= :minPrice");
                params.put("minPrice", q.minPrice());
            }
            if (q.maxPrice() != null) {
                where.append(" and fv.price <= :maxPrice");
                params.put("maxPrice", q.maxPrice());
            }
            optionFilter(where, params, "size", q.sizes());
            optionFilter(where, params, "color", q.colors());
            where.append(")");
        }
        return where.toString();
    }

    private static void optionFilter(StringBuilder where, Map<String, Object> params, String type, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            names.add(":" + type + i);
            params.put(type + i, values.get(i));
        }
        where.append(" and exists (select 1 from variants_option_values fvo")
                .append(" join option_values fov on fov.id = fvo.option_value_id")
                .append(" join option_types fot on fot.id = fov.option_type_id")
                .append(" where fvo.variant_id = fv.id and fot.name = '").append(type).append("'")
                .append(" and fov.name in (").append(String.join(", ", names)).append("))");
    }

    /** The taxon with its chain of ancestors and its direct children, in one query; empty when unknown. */
    public Optional<TaxonTree> taxonTree(String permalink) {
        List<String> chain = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String part : permalink.split("/")) {
            path.append(path.length() == 0 ? "" : "/").append(part);
            chain.add(path.toString());
        }
        List<String> names = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            names.add(":chain" + i);
            params.put("chain" + i, chain.get(i));
        }
        Query query = em.createNativeQuery("select t.name, t.permalink, t.description, t.icon from taxons t where t.permalink in ("
                + String.join(", ", names) + ") or (t.permalink like :children and t.permalink not like :grandchildren)"
                + " order by t.position, t.name");
        params.forEach(query::setParameter);
        query.setParameter("children", permalink + "/%").setParameter("grandchildren", permalink + "/%/%");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<TaxonNode> nodes = rows.stream()
                .map(r -> new TaxonNode((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
        Optional<TaxonNode> self = nodes.stream().filter(n -> n.permalink().equals(permalink)).findFirst();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        List<TaxonNode> ancestors = nodes.stream().filter(n -> chain.contains(n.permalink()))
                .sorted((a, b) -> Integer.compare(a.depth(), b.depth())).toList();
        List<TaxonNode> children = nodes.stream().filter(n -> !chain.contains(n.permalink())).toList();
        return Optional.of(new TaxonTree(self.get(), ancestors, children));
    }

    /** The product page's data in four queries (product, variants with options, images, properties). */
    public Optional<ProductDetails> product(String slug) {
        @SuppressWarnings("unchecked")
        List<Object[]> products = em.createNativeQuery("""
                select p.id, p.name, p.slug, p.description, p.meta_title, p.meta_description,
                       cat.permalink, brand.name, brand.permalink
                from products p
                left join lateral (select t.permalink from products_taxons pt join taxons t on t.id = pt.taxon_id
                                   where pt.product_id = p.id and t.permalink not like 'brands/%'
                                   order by t.permalink like 'categories/%' desc, length(t.permalink) desc, t.id
                                   limit 1) cat on true
                left join lateral (select t.name, t.permalink from products_taxons pt join taxons t on t.id = pt.taxon_id
                                   where pt.product_id = p.id and t.permalink like 'brands/%'
                                   order by t.id limit 1) brand on true
                where p.slug = :slug and p.available_on <= :now
                """).setParameter("slug", slug).setParameter("now", currentTime()).getResultList();
        if (products.isEmpty()) {
            return Optional.empty();
        }
        Object[] p = products.get(0);
        long id = ((Number) p[0]).longValue();
        return Optional.of(new ProductDetails(id, (String) p[1], (String) p[2], (String) p[3], (String) p[4],
                (String) p[5], (String) p[6], (String) p[7], (String) p[8], variants(id), images(id), properties(id)));
    }

    private List<ProductDetails.VariantData> variants(long productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select v.id, v.sku, v.price, v.compare_at_price, v.currency, v.stock_on_hand,
                       ot.name, ot.presentation, ot.position, ov.name, ov.presentation, ov.position
                from variants v
                left join variants_option_values vov on vov.variant_id = v.id
                left join option_values ov on ov.id = vov.option_value_id
                left join option_types ot on ot.id = ov.option_type_id
                where v.product_id = :product
                order by v.position, v.id, ot.position, ot.id
                """).setParameter("product", productId).getResultList();
        Map<Long, ProductDetails.VariantData> variants = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            ProductDetails.VariantData variant = variants.computeIfAbsent(id, k -> new ProductDetails.VariantData(k,
                    (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (String) r[4], ((Number) r[5]).intValue(),
                    new LinkedHashMap<>()));
            if (r[6] != null) {
                variant.options().put((String) r[6], new ProductDetails.OptionData((String) r[6], (String) r[7],
                        ((Number) r[8]).intValue(), (String) r[9], (String) r[10], ((Number) r[11]).intValue()));
            }
        }
        return List.copyOf(variants.values());
    }

    private List<ProductDetails.ImageData> images(long productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select url, alt, variant_id from product_images where product_id = :product order by position, id")
                .setParameter("product", productId).getResultList();
        return rows.stream().map(r -> new ProductDetails.ImageData((String) r[0], (String) r[1],
                r[2] == null ? null : ((Number) r[2]).longValue())).toList();
    }

    private List<ProductDetails.PropertyData> properties(long productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select name, value from product_properties where product_id = :product order by position, id")
                .setParameter("product", productId).getResultList();
        return rows.stream().map(r -> new ProductDetails.PropertyData((String) r[0], (String) r[1])).toList();
    }

    /** Up to {@code limit} other products of the same taxon (and its descendants), featured and newest first. */
    public List<ProductCard> related(long productId, String permalink, int limit) {
        if (permalink == null) {
            return List.of();
        }
        return cards(em.createNativeQuery("select " + CARD_COLUMNS + " from products p " + CARD_JOINS
                + " where " + AVAILABLE + " and p.id <> :product and " + IN_TAXON
                + " order by p.featured desc, p.created_at desc, p.id limit :limit")
                .setParameter("product", productId).setParameter("permalink", permalink)
                .setParameter("permalinkPrefix", permalink + "/%").setParameter("now", currentTime())
                .setParameter("limit", limit));
    }

    /** Paths of every available product and every taxon, for the sitemap, in one query. */
    public List<String> sitemapPaths() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select 1 as kind, '/t/' || permalink as path from taxons
                union all
                select 2, '/products/' || p.slug from products p where p.available_on <= :now
                order by kind, path
                """).setParameter("now", currentTime()).getResultList();
        return rows.stream().map(r -> (String) r[1]).toList();
    }

    private static List<ProductCard> cards(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(CatalogQueries::toCard).toList();
    }

    static ProductCard toCard(Object[] row) {
        return new ProductCard((String) row[0], (String) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                (String) row[4], (String) row[5], (String) row[6], ((Number) row[7]).longValue());
    }
}
