package dev.mirshop.delivery;

import dev.mirshop.testing.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real PostgreSQL (Debian's server) on the host, set up like the RDS instance of terragrunt/modules/rds: one
 * database owned by its master user, TLS only (rds.force_ssl=1: plain TCP connections are refused), password
 * authentication; the services create their own schemas (Flyway). Runs as the postgres user when the test is root.
 */
final class HostPostgres implements AutoCloseable {

    final int port;
    final String database;
    final String user;
    final String password = UUID.randomUUID().toString();
    private final Path dir;
    private final Path bin;

    private HostPostgres(Path dir, Path bin, int port, String database, String user) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.database = database;
        this.user = user;
    }

    static HostPostgres start(String database, String user) {
        Path bin = Tools.postgresqlBin();
        Path openssl = Tools.openssl();
        try {
            Path dir = Files.createTempDirectory("mir-shop-postgres");
            HostPostgres pg = new HostPostgres(dir, bin, freePort(), database, user);
            Path data = dir.resolve("data");
            if (Tools.isRoot()) {
                Tools.check(dir, 60, List.of("chown", "postgres:postgres", dir.toString()));
            }
            pg.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"));
            pg.asPostgres(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", data.resolve("server.key").toString(),
                    "-out", data.resolve("server.crt").toString()));
            pg.asPostgres(List.of("chmod", "600", data.resolve("server.key").toString()));
            pg.asPostgres(List.of("sh", "-c", "printf '%s\\n' 'local all all trust' 'hostssl all all 127.0.0.1/32 scram-sha-256' "
                    + "'host all all 0.0.0.0/0 reject' > " + data.resolve("pg_hba.conf")));
            pg.asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -c port=" + pg.port + " -c unix_socket_directories="
                            + dir + " -c ssl=on -c password_encryption=scram-sha-256", "start"));
            pg.psql("CREATE ROLE " + user + " LOGIN PASSWORD '" + pg.password + "'");
            pg.psql("CREATE DATABASE " + database + " OWNER " + user);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the rendered Secret with the host and port replaced by this server's. */
    String jdbcUrl(String renderedUrl) {
        return renderedUrl.replaceFirst("^jdbc:postgresql://[^/]+/", "jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    String psql(String sql) {
        return asPostgres(List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(port),
                "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql)).stdout().trim();
    }

    String query(String sql) {
        return asPostgres(List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql)).stdout().trim();
    }

    /** Runs a script file against the database as the master user, with search_path set to one schema. */
    void runScript(String schema, Path script) {
        asPostgres(List.of(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(port),
                "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", "SET search_path TO " + schema,
                "-f", script.toString()));
    }

    private Tools.Result asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if (Tools.isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        return Tools.check(dir, 120, full);
    }

    Path scratch() {
        return dir;
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
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
        Tools.run(dir.getParent(), 60, List.of("rm", "-rf", dir.toString()));
    }
}
