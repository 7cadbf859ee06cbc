package dev.mirshop.marketing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Accounts for console tests, each with a unique email, and a few storefront queries. */
@ApplicationScoped
class ConsoleFixtures {
    static final String PASSWORD = "correct horse battery";
    static final String SERVICE_TOKEN = "test-service-token-not-a-secret";
    static final String DEMO_MARKETER = "marketer@mirshop.dev";
    static final String DEMO_PASSWORD = "mir-marketer-demo";
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 10);

    @Inject
    DataSource dataSource;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String account(String role) {
        String email = unique(role) + "@example.com";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into accounts (email, password_hash, name, role) values (?, ?, ?, ?)")) {
            s.setString(1, email);
            s.setString(2, PASSWORD_HASH);
            s.setString(3, "Test " + role);
            s.setString(4, role);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return email;
    }

    ConsoleBrowser marketer() {
        return ConsoleBrowser.loggedIn(account("marketer"), PASSWORD);
    }

    ConsoleBrowser shopper() {
        return ConsoleBrowser.loggedIn(account("shopper"), PASSWORD);
    }

    long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
