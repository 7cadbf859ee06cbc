package dev.mirshop.platform.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.flyway.FlywayDataSource;
import jakarta.inject.Singleton;

/**
 * Refuses to migrate, and so to start, when a process's embedded PostgreSQL turned out to be another process's.
 * <p>
 * quarkus-embedded-postgresql 0.3.0 fixes the database port when the application is built (the packaged jar, and
 * each test run's augmentation), by default one of 5432–5442. A second {@code java -jar} (or test run) on the same
 * machine cannot bind that port, yet its readiness probe connects to the first process's server, and the second
 * shop would then write its orders, accounts and campaigns there. Before Flyway
 * touches a datasource that nobody configured (so it is the embedded one), this check compares the server's data
 * directory with the directories this process holds the embedded server's lock in (Zonky keeps an {@code epg-lock}
 * file open in each), and stops the process with a message that says what to do.
 */
public final class EmbeddedDatabaseOwnership implements Callback {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseOwnership.class);
    static final String EMBEDDED_SERVER = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    static final String LOCK_FILE = "epg-lock";
    /** Below system properties (400), environment (300) and application.properties (250): the extension's default. */
    static final int CONFIGURED_ORDINAL = 100;

    private final String datasource;
    private final String urlKey;

    EmbeddedDatabaseOwnership(String datasource) {
        this.datasource = datasource;
        this.urlKey = datasource == null ? "quarkus.datasource.jdbc.url"
                : "quarkus.datasource.\"" + datasource + "\".jdbc.url";
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (!embeddedServerPresent() || configuredByOperator()) {
            return;
        }
        Set<Path> own = ownDataDirectories();
        if (own.isEmpty()) {
            LOG.warnf("Cannot tell whether the embedded database of datasource %s is this process's own (no /proc);"
                    + " run one packaged shop per machine unless each has QUARKUS_DATASOURCE_* of its own", name());
            return;
        }
        Path server = serverDataDirectory(context.getConnection());
        if (!own.contains(server)) {
            throw new IllegalStateException(("The embedded PostgreSQL of datasource %s answers from %s, which belongs"
                    + " to another process (this one started its own in %s but could not bind its port, fixed when"
                    + " the jar was built). Refusing to start so that two shops never share orders, accounts or"
                    + " campaigns. Stop the other shop, or give this process its own database with"
                    + " QUARKUS_DATASOURCE_JDBC_URL and the named datasources' URLs (see README).")
                    .formatted(name(), server, own));
        }
    }

    @Override
    public String getCallbackName() {
        return "embedded-database-ownership";
    }

    private String name() {
        return datasource == null ? "<default>" : datasource;
    }

    private boolean configuredByOperator() {
        var value = ConfigProvider.getConfig().getConfigValue(urlKey);
        return value.getValue() != null && value.getSourceOrdinal() >= CONFIGURED_ORDINAL;
    }

    private static boolean embeddedServerPresent() {
        try {
            Class.forName(EMBEDDED_SERVER, false, EmbeddedDatabaseOwnership.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The data directories whose lock file this process holds open: its embedded servers. */
    static Set<Path> ownDataDirectories() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return Set.of();
        }
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(EmbeddedDatabaseOwnership::target)
                    .filter(p -> p != null && p.getFileName() != null && p.getFileName().toString().equals(LOCK_FILE))
                    .map(p -> real(p.getParent()))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static Path target(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Path serverDataDirectory(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show data_directory")) {
            rs.next();
            return real(Path.of(rs.getString(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the embedded PostgreSQL's data directory", e);
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Installs the check on the storefront's datasource and on each service's named one. */
    @Singleton
    static class Storefront implements FlywayConfigurationCustomizer {
        @Override
        public void customize(FluentConfiguration configuration) {
            configuration.callbacks(new EmbeddedDatabaseOwnership(null));
        }
    }

    @Singleton
    @FlywayDataSource("discounts")
    static class Discounts implements FlywayConfigurationCustomizer {
        @Override
        public void customize(FluentConfiguration configuration) {
            configuration.callbacks(new EmbeddedDatabaseOwnership("discounts"));
        }
    }

    @Singleton
    @FlywayDataSource("ads")
    static class Ads implements FlywayConfigurationCustomizer {
        @Override
        public void customize(FluentConfiguration configuration) {
            configuration.callbacks(new EmbeddedDatabaseOwnership("ads"));
        }
    }
}
