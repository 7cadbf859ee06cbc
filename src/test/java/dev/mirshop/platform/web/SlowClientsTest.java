package dev.mirshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Slow and vanishing clients cost the shop a bounded time: a body trickling in gets 408 and a closed connection,
 * a connection stalled in its headers is closed, and a client that hangs up mid-answer is not an error in the log.
 */
@QuarkusTest
@TestProfile(ShortHttpTimeoutsProfile.class)
class SlowClientsTest {

    /** Generous slack over the limit: the connection must be gone well before the old 60–75 s. */
    static final int WAIT_MS = (ShortHttpTimeoutsProfile.SECONDS + 8) * 1000;

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(WAIT_MS);
        return socket;
    }

    /** Everything the server sends until it closes the connection (or the test's wait runs out: null). */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1;) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            // a reset after the answer still counts as closed
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBodyThatTricklesInGets408AndTheConnectionIsClosed() throws Exception {
        List<String> errors = errorsLoggedDuring(() -> trickle());
        assertThat(errors).as("a slow client is not an error of the shop's").isEmpty();
    }

    private void trickle() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/discounts/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + SendsServiceToken.TEST_TOKEN + "\r\n"
                    + "Content-Length: 200\r\n\r\n{\"code\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntilClosed(socket);
            assertThat(answer).as("the server closed the connection in time").isNotNull();
            assertThat(answer).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void aConnectionStalledInItsHeadersIsClosed() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /products HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntilClosed(socket);
            assertThat(answer).as("the server closed the connection in time").isNotNull();
            assertThat(answer).doesNotContain("200 OK");
        }
    }

    @Test
    void aClientHangingUpMidAnswerIsNotLoggedAsAnError() throws Exception {
        List<String> errors = errorsLoggedDuring(() -> {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = connect()) {
                    socket.setSoLinger(true, 0); // close with a reset, as a browser tab that is shut does
                    socket.getOutputStream().write(("GET /sitemap.xml HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            + "GET /products HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
            // one more complete request: by its answer the server has handled the hang-ups before it
            RestAssured.given().get("/products").then().statusCode(200);
        });
        assertThat(errors).isEmpty();
    }

    interface Exchange {
        void run() throws Exception;
    }

    /** The ERROR records (logger: message) the shop logs while {@code exchange} runs. */
    static List<String> errorsLoggedDuring(Exchange exchange) throws Exception {
        List<String> errors = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    synchronized (errors) {
                        errors.add(record.getLoggerName() + ": " + record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            exchange.run();
        } finally {
            root.removeHandler(capture);
        }
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
