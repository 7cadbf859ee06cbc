package dev.mirshop.storefront.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.exception.GenericJDBCException;
import org.postgresql.PGStatement;

import dev.mirshop.platform.faults.SlowCatalogQueries;
import dev.mirshop.storefront.catalog.CatalogStatement.Kind;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one way the catalog's statements reach PostgreSQL, over plain JDBC. A statement whose best plan depends on its
 * values ({@link Kind#planWithValues}: a size, a colour or a search word keeps a hundredfold more or fewer products)
 * is planned with them every time: it is never prepared on the server. Every other statement is prepared on its
 * connection after a few uses and runs PostgreSQL's cached plan, so a product page pays no planning (about a
 * millisecond of the database's CPU per statement; docs/performance.md). Every statement is counted and timed by
 * kind, from its prepare on a connection it holds to its last row read ({@code shop_catalog_statements_seconds}: the
 * wait for a connection is the pool's {@code agroal_blocking_time_*}), and can be delayed by the fault db-slow
 * ({@link SlowCatalogQueries}), as the shop's other reads are.
 */
@ApplicationScoped
class CatalogSql {

    /** Distinct statement texts are a handful per kind; the bound only guards against a builder gone wrong. */
    private static final int MAX_TRANSLATED = 1_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final SlowCatalogQueries slowQueries = new SlowCatalogQueries();
    private final Map<String, PositionalSql> translated = new ConcurrentHashMap<>();
    private final Map<Kind, Timer> timers = new EnumMap<>(Kind.class);

    @PostConstruct
    void registerTimers() {
        for (Kind kind : Kind.values()) {
            timers.put(kind, Timer.builder("shop.catalog.statements").tag("kind", kind.name().toLowerCase())
                    .description("Catalog statements sent to PostgreSQL, by kind: how many and how long each ran")
                    .register(registry));
        }
    }

    /** Every row, each as its columns' JDBC values. */
    List<Object[]> rows(CatalogStatement statement) {
        PositionalSql sql = positional(statement.sql());
        try (Connection connection = dataSource.getConnection()) {
            Timer.Sample running = Timer.start();
            try {
                return run(connection, sql, statement);
            } finally {
                running.stop(timers.get(statement.kind()));
            }
        } catch (SQLException e) {
            // the shape Hibernate gives JDBC failures, so overload (no connection in time) still answers a quick 503
            throw new GenericJDBCException(statement.kind() + " failed", e);
        }
    }

    private List<Object[]> run(Connection connection, PositionalSql sql, CatalogStatement statement) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(slowQueries.inspect(sql.sql()))) {
            if (statement.kind().planWithValues) {
                prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            List<String> names = sql.names();
            for (int i = 0; i < names.size(); i++) {
                if (!statement.params().containsKey(names.get(i))) {
                    throw new IllegalArgumentException(statement.kind() + " has no value for :" + names.get(i));
                }
                prepared.setObject(i + 1, statement.params().get(names.get(i)));
            }
            try (ResultSet result = prepared.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The one row a statement returns (an aggregate). */
    Object[] row(CatalogStatement statement) {
        List<Object[]> rows = rows(statement);
        if (rows.size() != 1) {
            throw new IllegalStateException(statement.kind() + " returned " + rows.size() + " rows, not one");
        }
        return rows.get(0);
    }

    /** The first column of every row. */
    List<Object> column(CatalogStatement statement) {
        return rows(statement).stream().map(row -> row[0]).toList();
    }

    private PositionalSql positional(String sql) {
        PositionalSql known = translated.get(sql);
        if (known != null) {
            return known;
        }
        if (translated.size() >= MAX_TRANSLATED) {
            translated.clear();
        }
        PositionalSql parsed = PositionalSql.of(sql);
        translated.put(sql, parsed);
        return parsed;
    }
}
