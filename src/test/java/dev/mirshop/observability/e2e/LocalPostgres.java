package dev.mirshop.observability.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mirshop.testing.Tools;

/**
 * A PostgreSQL server of Debian's (as RDS is one server for the three services), on loopback, one database per service
 * so the three processes never share tables by accident. Runs as the postgres user when the test is root.
 */
public final class LocalPostgres implements AutoCloseable {

    public final int port;
    private final Path dir;
    private final Path bin;

    private LocalPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static LocalPostgres start(List<String> databases) throws IOException {
        Path bin = Tools.postgresqlBin();
        Path dir = Files.createTempDirectory("mir-shop-e2e-postgres");
        LocalPostgres pg = new LocalPostgres(dir, bin, freePort());
        if (Tools.isRoot()) {
            Tools.check(dir, 60, List.of("chown", "postgres:postgres", dir.toString()));
        }
        Path data = dir.resolve("data");
        pg.as(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8"));
        pg.as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -c port=" + pg.port + " -c unix_socket_directories=" + dir
                        + " -c max_connections=200 -c fsync=off", "start"));
        for (String db : databases) {
            pg.as(List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(pg.port), "-U", "postgres",
                    "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE " + db));
        }
        return pg;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The first column of the first row of a query, as psql prints it unaligned. */
    public String query(String database, String sql) {
        List<String> full = new ArrayList<>();
        if (Tools.isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(port), "-U",
                "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql));
        return Tools.check(dir, 60, full).stdout().strip();
    }

    private void as(List<String> command) {
        List<String> full = new ArrayList<>();
        if (Tools.isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Tools.check(dir, 120, full);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        Tools.run(dir.getParent(), 60, List.of("rm", "-rf", dir.toString()));
    }
}
