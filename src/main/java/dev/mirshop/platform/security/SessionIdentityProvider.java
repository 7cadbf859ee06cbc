package dev.mirshop.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a session cookie to its account with one indexed query (plain JDBC: no request context or
 * transaction is needed on the security path). Unknown, expired or idle sessions fail authentication; a session
 * in use has its idle deadline pushed forward (at most once a minute). Times come from the shop's clock.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    private static final String LOOKUP = """
            select a.id, a.email, a.name, a.role, s.idle_expires_at
              from sessions s join accounts a on a.id = s.account_id
             where s.token = ? and s.expires_at > ? and s.idle_expires_at > ?""";
    private static final String TOUCH = "update sessions set idle_expires_at = least(?, expires_at) where token = ?";

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    SessionPolicy policy;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.token()));
    }

    private SecurityIdentity lookup(String token) {
        String key = SessionTokens.storedForm(token);
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setString(1, key);
            statement.setTimestamp(2, at);
            statement.setTimestamp(3, at);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AuthenticationFailedException("Unknown, expired or idle session");
                }
                Instant idleDeadline = rs.getTimestamp("idle_expires_at").toInstant();
                Instant pushed = now.plus(policy.idleTimeout());
                if (pushed.isAfter(idleDeadline.plus(touchEvery(policy.idleTimeout())))) {
                    touch(connection, key, pushed);
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(rs.getString("email")))
                        .addRole(rs.getString("role"))
                        .addAttribute(ShopIdentity.ACCOUNT_ID, rs.getLong("id"))
                        .addAttribute(ShopIdentity.ACCOUNT_NAME, rs.getString("name"))
                        .addAttribute(ShopIdentity.SESSION_KEY, key)
                        .build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session lookup failed", e);
        }
    }

    /** A session used again within this time is not written again: at most one UPDATE a minute per session. */
    static java.time.Duration touchEvery(java.time.Duration idleTimeout) {
        java.time.Duration thirtieth = idleTimeout.dividedBy(30);
        return thirtieth.compareTo(java.time.Duration.ofMinutes(1)) < 0 ? thirtieth : java.time.Duration.ofMinutes(1);
    }

    private static void touch(Connection connection, String key, Instant idleDeadline) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(TOUCH)) {
            update.setTimestamp(1, Timestamp.from(idleDeadline));
            update.setString(2, key);
            update.executeUpdate();
        }
    }
}
