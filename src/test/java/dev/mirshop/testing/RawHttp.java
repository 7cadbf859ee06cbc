package dev.mirshop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 written by hand on a socket, for requests no client library sends: a Host of our choosing, malformed
 * escapes, partial requests, or a connection from another loopback address (127.0.0.2 is not a trusted proxy).
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, Map<String, String> headers, String body, String raw) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Answer send(String request) {
        return send("127.0.0.1", request.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer send(String from, String request) {
        return send(from, request.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer send(String from, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(12_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        return bytes.toByteArray();
    }

    /** Whether the bytes hold a whole answer: its head, then Content-Length bytes or the last chunk. */
    static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return bytes.length >= end + 4 + Integer.parseInt(line.substring(15).trim());
            }
        }
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
        }
        return head.startsWith("http/1.1 1") || head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
    }

    static Answer parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, Map.of(), "", raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + "\n" + b);
        }
        String body = raw.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, raw);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
