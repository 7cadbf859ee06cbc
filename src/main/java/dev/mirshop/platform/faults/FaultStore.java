package dev.mirshop.platform.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import dev.mirshop.platform.ShopRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fault state in the database of the service that owns the fault (tables faults and fault_events in the storefront,
 * ads and discounts schemas), so a switch survives restarts and reaches every replica. Plain JDBC: the three
 * services' persistence units each know only their own package, and this is shared by all three.
 */
@ApplicationScoped
public class FaultStore {

    @Inject
    InjectableInstance<AgroalDataSource> storefront;
    @Inject
    @io.quarkus.agroal.DataSource("ads")
    InjectableInstance<AgroalDataSource> ads;
    @Inject
    @io.quarkus.agroal.DataSource("discounts")
    InjectableInstance<AgroalDataSource> discounts;

    @Inject
    HeldConnections held;

    /**
     * A connection to the owning service's database: the storefront's from those db-pool-exhaustion holds while it
     * holds any (the pool has none to give then), else from the pool.
     */
    Connection connection(ShopRole service) throws SQLException {
        if (service == ShopRole.storefront) {
            Optional<Connection> lent = held.borrow();
            if (lent.isPresent()) {
                return lent.get();
            }
        }
        return pool(service).getConnection();
    }

    DataSource pool(ShopRole service) {
        return switch (service) {
            case ads -> ads.get();
            case discounts -> discounts.get();
            default -> storefront.get();
        };
    }

    List<FaultState> load(ShopRole service) throws SQLException {
        List<FaultState> out = new ArrayList<>();
        try (Connection c = connection(service); PreparedStatement s = c.prepareStatement(
                "select fault, severity, target_version, started_at, ends_at, changed_by, source from faults")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Fault.byId(rs.getString(1)).filter(f -> f.owner == service).ifPresent(f -> {
                        try {
                            out.add(new FaultState(f, rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                                    rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        return out;
    }

    /** Switches a fault on (or changes it) and records the event, in one transaction. */
    void save(FaultState state) throws SQLException {
        try (Connection c = connection(state.fault().owner)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("delete from faults where fault = ?");
                    PreparedStatement insert = c.prepareStatement("insert into faults (fault, severity, target_version,"
                            + " started_at, ends_at, changed_by, source) values (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, state.fault().id);
                delete.executeUpdate();
                insert.setString(1, state.fault().id);
                insert.setInt(2, state.severity());
                insert.setString(3, state.targetVersion());
                insert.setTimestamp(4, Timestamp.from(state.startedAt()));
                insert.setTimestamp(5, Timestamp.from(state.endsAt()));
                insert.setString(6, state.changedBy());
                insert.setString(7, state.source());
                insert.executeUpdate();
                event(c, new FaultEvent(state.startedAt(), state.fault().id, FaultEvent.ON, state.severity(),
                        state.targetVersion(), state.endsAt(), state.changedBy(), state.source()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /**
     * Switches a fault off and records who did; true when it was on. {@code endedBefore}: only a row whose end has
     * passed (the automatic end), so a replica never ends a fault that another one has just prolonged.
     */
    boolean remove(Fault fault, Instant at, String action, String actor, String source, Instant endedBefore)
            throws SQLException {
        try (Connection c = connection(fault.owner)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(endedBefore == null ? "delete from faults where fault = ?"
                    : "delete from faults where fault = ? and ends_at <= ?")) {
                delete.setString(1, fault.id);
                if (endedBefore != null) {
                    delete.setTimestamp(2, Timestamp.from(endedBefore));
                }
                boolean removed = delete.executeUpdate() > 0;
                if (removed) {
                    event(c, new FaultEvent(at, fault.id, action, null, null, null, actor, source));
                }
                c.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    List<FaultEvent> recentEvents(ShopRole service, int limit) throws SQLException {
        List<FaultEvent> out = new ArrayList<>();
        try (Connection c = connection(service); PreparedStatement s = c.prepareStatement(
                "select at, fault, action, severity, target_version, ends_at, actor, source from fault_events"
                        + " order by id desc limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp ends = rs.getTimestamp(6);
                    int severity = rs.getInt(4);
                    out.add(new FaultEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.wasNull() ? null : severity, rs.getString(5), ends == null ? null : ends.toInstant(),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** The latest switch of one fault, if it ever was switched. */
    java.util.Optional<FaultEvent> latestEvent(Fault fault) throws SQLException {
        try (Connection c = connection(fault.owner); PreparedStatement s = c.prepareStatement(
                "select at, fault, action, severity, target_version, ends_at, actor, source from fault_events"
                        + " where fault = ? order by id desc limit 1")) {
            s.setString(1, fault.id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                Timestamp ends = rs.getTimestamp(6);
                int severity = rs.getInt(4);
                return java.util.Optional.of(new FaultEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.wasNull() ? null : severity, rs.getString(5),
                        ends == null ? null : ends.toInstant(), rs.getString(7), rs.getString(8)));
            }
        }
    }

    private static void event(Connection c, FaultEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into fault_events (at, fault, action, severity,"
                + " target_version, ends_at, actor, source) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(e.at()));
            s.setString(2, e.fault());
            s.setString(3, e.action());
            if (e.severity() == null) {
                s.setNull(4, Types.INTEGER);
            } else {
                s.setInt(4, e.severity());
            }
            s.setString(5, e.targetVersion());
            s.setTimestamp(6, e.endsAt() == null ? null : Timestamp.from(e.endsAt()));
            s.setString(7, e.actor());
            s.setString(8, e.source());
            s.executeUpdate();
        }
    }
}
