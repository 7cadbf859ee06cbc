package dev.mirshop.storefront.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Read-side queries of the catalog that return listing cards in a single SQL statement. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogQueries {

    /** Columns of a {@link ProductCard}: the cheapest-position variant's price, the first image, total stock. */
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

    @Inject
    EntityManager em;

    public List<ProductCard> featured(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + CARD_COLUMNS + " from products p " + CARD_JOINS
                + " where p.featured and p.available_on <= now() order by p.created_at desc, p.id limit ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(CatalogQueries::toCard).toList();
    }

    static ProductCard toCard(Object[] row) {
        return new ProductCard((String) row[0], (String) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                (String) row[4], (String) row[5], (String) row[6], ((Number) row[7]).longValue());
    }
}
