package dev.mirshop.platform.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar ({@code target/quarkus-app}) started as a process of its own, as a shopper's laptop or a pod runs
 * it; stopped as the kubelet stops a pod ({@link #terminate()}: SIGTERM) or as a crash does ({@link #kill()}: SIGKILL).
 */
public final class PackagedShop implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    public final int port;
    final Path log;
    public final Process process;

    private PackagedShop(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static PackagedShop start(String name, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: this test runs after `mvn package` (failsafe, mvn verify)");
        }
        int port = freePort();
        Path log = Files.createTempFile("mir-shop-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        return new PackagedShop(port, log, builder.start());
    }

    public int status(String path) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> outputLines() {
        return output().lines().toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, as the kubelet sends when a pod stops; the process drains and exits by itself. */
    public void terminate() {
        process.destroy();
    }

    /**
     * SIGKILL, as a crash or an out-of-memory kill: nothing of the process runs any more. Its embedded PostgreSQL
     * (which Zonky starts with pg_ctl, detached, and would have stopped itself) is stopped afterwards, so that it does
     * not keep the port fixed at build time from the next packaged shop on this machine.
     */
    public void kill() throws InterruptedException {
        List<ProcessHandle> databases = embeddedPostgres();
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        for (ProcessHandle postmaster : databases) {
            postmaster.destroy();
            try {
                postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                postmaster.destroyForcibly();
            }
        }
    }

    /** The postmasters of the data directories whose lock file this process holds open (Zonky's epg-lock). */
    private List<ProcessHandle> embeddedPostgres() {
        List<ProcessHandle> found = new java.util.ArrayList<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    Path pidFile = target.resolveSibling("postmaster.pid");
                    if (target.getFileName() != null && target.getFileName().toString().equals("epg-lock")
                            && Files.isRegularFile(pidFile)) {
                        ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).ifPresent(found::add);
                    }
                } catch (IOException | RuntimeException e) {
                    // a descriptor closed meanwhile, or not a file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
