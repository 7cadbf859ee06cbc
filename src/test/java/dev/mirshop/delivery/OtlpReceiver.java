package dev.mirshop.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.fail;

/**
 * Stands where the Datadog agent's OTLP gRPC receiver would be and counts the HTTP/2 connections that arrive (gRPC
 * opens with the HTTP/2 preface): proof that the production image samples and exports traces to the endpoint the
 * manifests give it. It does not answer gRPC; the exporter retries, which is all the test needs to see.
 */
final class OtlpReceiver implements AutoCloseable {

    private static final String HTTP2_PREFACE = "PRI * HTTP/2.0";
    private final ServerSocket socket;
    private final AtomicInteger http2 = new AtomicInteger();

    private OtlpReceiver(ServerSocket socket) {
        this.socket = socket;
        Thread accept = new Thread(this::accept, "otlp-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    static OtlpReceiver listen(int port) {
        try {
            return new OtlpReceiver(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            return fail("cannot listen on 127.0.0.1:" + port + " where the rendered pods send traces: " + e.getMessage());
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); InputStream in = client.getInputStream()) {
                client.setSoTimeout(5000);
                byte[] start = in.readNBytes(HTTP2_PREFACE.length());
                if (new String(start, StandardCharsets.US_ASCII).equals(HTTP2_PREFACE)) {
                    http2.incrementAndGet();
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    int http2Connections() {
        return http2.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
