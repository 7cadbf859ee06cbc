package dev.mirshop.observability.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar (target/quarkus-app) in one role, as a Kubernetes pod runs it: its own port, log and settings. */
public final class ShopProcess implements AutoCloseable {

    /** The packaged shop; -Dscenarios.app=<dir> runs a copy (so a long run can go on while the project rebuilds). */
    public static final Path JAR = Path.of(System.getProperty("scenarios.app", "target/quarkus-app"), "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public final String role;
    public final int port;
    public final Path log;
    private final Path dir;
    private final Map<String, String> env;
    private final int heapMib;
    private final Process process;

    private ShopProcess(String role, int port, Path dir, Map<String, String> env, int heapMib, Path log, Process process) {
        this.role = role;
        this.port = port;
        this.dir = dir;
        this.env = Map.copyOf(env);
        this.heapMib = heapMib;
        this.log = log;
        this.process = process;
    }

    /** The role with the heap of an ads or discounts pod: 256 MiB (-XX:MaxRAMPercentage=50 of its 512 Mi limit). */
    public static ShopProcess start(String role, int port, Path dir, Map<String, String> env) throws IOException {
        return start(role, port, dir, env, 256);
    }

    public static ShopProcess start(String role, int port, Path dir, Map<String, String> env, int heapMib) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs after `mvn package` (failsafe, mvn verify)");
        }
        Path log = dir.resolve(role + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m", "-XX:+UseSerialGC", "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SHOP_ROLE", role);
        builder.environment().putAll(env);
        return new ShopProcess(role, port, dir, env, heapMib, log, builder.start());
    }

    /** Stops this process (as a pod is deleted) and starts the same role again, on the same port and settings. */
    public ShopProcess restart() throws IOException, InterruptedException {
        close();
        return start(role, port, dir, env, heapMib);
    }

    public static int freePort() {
        return LocalPostgres.freePort();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether this process is past its embedded PostgreSQL's start: the jar (built without -Dproduction) starts one at
     * every launch on the port fixed at build time and creates a database per datasource in it. Processes started
     * together reach the first one's server and race on CREATE DATABASE (duplicate key in pg_database, the process
     * stops); so the next process starts once this one logged a line after that step (or is ready, or gone).
     */
    public boolean pastEmbeddedDatabase() {
        if (!alive() || ready()) {
            return true;
        }
        try {
            String text = Files.readString(log);
            int started = text.indexOf("Embedded Postgres started at port");
            return started >= 0 && text.indexOf('\n', started) >= 0 && text.indexOf('\n', started) < text.length() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        try {
            String text = Files.readString(log);
            return text.length() < 4000 ? text : text.substring(text.length() - 4000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
