package dev.mirshop.storefront.account;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Direct database access for account tests: their own accounts, carts and orders, unique per test. */
@ApplicationScoped
class Fixtures {
    static final String PASSWORD = "correct horse battery";
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 10);

    @Inject
    DataSource dataSource;

    static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    long account(String email, String name) {
        return queryLong("insert into accounts (email, password_hash, name) values (?, ?, ?) returning id",
                email, PASSWORD_HASH, name);
    }

    long cart(String token, Long accountId) {
        return queryLong("insert into carts (token, account_id) values (?, ?) returning id", token, accountId);
    }

    void cartItem(long cartId, long variantId, int quantity) {
        update("insert into cart_items (cart_id, variant_id, quantity) values (?, ?, ?)", cartId, variantId, quantity);
    }

    void order(String number, Long accountId, String email, BigDecimal total, String completedAt) {
        update("""
                insert into orders (number, access_token, account_id, email, payment_state, ship_name, ship_line1,
                    ship_city, ship_zip, ship_country, shipping_method, payment_method, item_total, shipping_total,
                    total, completed_at)
                values (?, ?, ?, ?, 'paid', 'Ada', '1 Main St', 'Springfield', '12345', 'US', 'standard', 'card',
                    ?, 0, ?, ?::timestamptz)""",
                number, UUID.randomUUID().toString(), accountId, email, total, total, completedAt);
    }

    /**
     * A variant of its own with the given stock, on a product that is not yet available (available_on far in
     * the future), so catalog pages and their tests never see it.
     */
    long variant(int stock) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long product = queryLong("""
                insert into products (name, slug, description, available_on)
                values (?, ?, 'Account test fixture', '2999-01-01T00:00:00Z') returning id""",
                "Account fixture " + suffix, "acct-fixture-" + suffix);
        return queryLong("insert into variants (product_id, sku, price, stock_on_hand) values (?, ?, 9.99, ?) returning id",
                product, "ACCT-" + suffix, stock);
    }

    long queryLong(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() || rows.get(0)[0] == null ? -1 : ((Number) rows.get(0)[0]).longValue();
    }

    String queryString(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : (String) rows.get(0)[0];
    }

    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Object[]> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<Object[]> out = new ArrayList<>();
            boolean hasResult = s.execute();
            if (!hasResult) {
                return out;
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
