package dev.mirshop.platform.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;

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
 * transaction is needed on the security path). Unknown or expired sessions fail authentication.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    private static final String LOOKUP = """
            select a.id, a.email, a.name, a.role
              from sessions s join accounts a on a.id = s.account_id
             where s.token = ? and s.expires_at > ?""";

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.token()));
    }

    private SecurityIdentity lookup(String token) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOOKUP)) {
            statement.setString(1, SessionTokens.storedForm(token));
            statement.setObject(2, OffsetDateTime.now(clock));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AuthenticationFailedException("Unknown or expired session");
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(rs.getString("email")))
                        .addRole(rs.getString("role"))
                        .addAttribute(ShopIdentity.ACCOUNT_ID, rs.getLong("id"))
                        .addAttribute(ShopIdentity.ACCOUNT_NAME, rs.getString("name"))
                        .build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Session lookup failed", e);
        }
    }
}
