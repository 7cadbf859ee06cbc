package dev.mirshop.platform.faults;

import java.util.Locale;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * The fault db-slow: a share of the storefront's catalog queries (reads of products) wait one second inside
 * PostgreSQL ({@code pg_sleep}), so the delay shows as database time, in pg_stat_activity and on the PostgreSQL
 * dashboard, not as time in the JVM. Writes and locking reads are never touched.
 */
@PersistenceUnitExtension
public class SlowCatalogQueries implements StatementInspector {

    static final String DELAY_SECONDS = "1.0";
    private final Share share = new Share();

    @Override
    public String inspect(String sql) {
        FaultRegistry registry = Arc.container().instance(FaultRegistry.class).get();
        if (!registry.anyActive()) {
            return sql;
        }
        var fault = registry.active(Fault.DB_SLOW);
        if (fault.isEmpty() || !catalogRead(sql) || !share.hit(fault.get().severity())) {
            return sql;
        }
        return "select fault_delayed.* from (" + sql + ") fault_delayed, pg_sleep(" + DELAY_SECONDS + ")";
    }

    static boolean catalogRead(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("select") && s.contains(" products ") && !s.contains(" for update") && !s.contains(" for share");
    }
}
