package dev.mirshop.observability.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for PagerDuty (Events API v2), Slack (incoming webhook) and the SMTP relay of the e-mail tickets, on
 * loopback: records what Alertmanager sends, by receiver, alert name and status (firing or resolved).
 */
public final class Receivers implements AutoCloseable {

    /** One notification as a receiver got it. */
    public record Notification(String receiver, String alertname, String status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SLACK_TITLE = Pattern.compile("\\[(FIRING|RESOLVED)(?::\\d+)?\\] (MirShop\\w+)");
    private static final String LABELS = "Labels</strong>";
    private static final Pattern MAIL_ALERT = Pattern.compile("alertname\\s*=\\s*(MirShop\\w+)");

    public final List<Notification> received = new CopyOnWriteArrayList<>();
    private final HttpServer http;
    private final ServerSocket smtp;
    private final Thread smtpThread;

    public Receivers() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/pagerduty", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode event = JSON.readTree(body);
            // description: '{{ .CommonLabels.alertname }}: ...' (kubernetes/base/monitoring/alertmanagerconfig.yaml)
            String summary = event.path("payload").path("summary").asText();
            String alert = summary.contains(":") ? summary.substring(0, summary.indexOf(':')) : summary;
            received.add(new Notification("pager-critical", alert,
                    event.path("event_action").asText().equals("resolve") ? "resolved" : "firing", body));
            reply(exchange, 202, "{\"status\":\"success\"}");
        });
        http.createContext("/slack", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = SLACK_TITLE.matcher(body);
            if (m.find()) {
                received.add(new Notification("slack-critical", m.group(2), m.group(1).toLowerCase(), body));
            }
            reply(exchange, 200, "ok");
        });
        http.start();
        smtp = new ServerSocket();
        smtp.bind(new InetSocketAddress("127.0.0.1", 0));
        smtpThread = new Thread(this::serveSmtp, "smtp-stand-in");
        smtpThread.setDaemon(true);
        smtpThread.start();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public int smtpPort() {
        return smtp.getLocalPort();
    }

    public boolean got(String receiver, String alertname, String status) {
        return got(receiver, alertname, status, "", 0);
    }

    /**
     * Whether the receiver was told so of an alert whose notification (for e-mail: that alert's labels) has the text,
     * among the notifications from the {@code since}-th on.
     */
    public boolean got(String receiver, String alertname, String status, String carrying, int since) {
        List<Notification> all = List.copyOf(received);
        return all.subList(Math.min(since, all.size()), all.size()).stream().anyMatch(n -> n.receiver().equals(receiver)
                && n.alertname().equals(alertname) && n.status().equals(status) && n.body().contains(carrying));
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough SMTP for Alertmanager's e-mail notifier: EHLO (AUTH PLAIN offered), AUTH, MAIL, RCPT, DATA, QUIT. */
    private void serveSmtp() {
        while (!smtp.isClosed()) {
            try (Socket socket = smtp.accept()) {
                socket.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                send(out, "220 localhost ESMTP stand-in");
                StringBuilder data = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (data != null) {
                        if (line.equals(".")) {
                            record(data.toString());
                            data = null;
                            send(out, "250 queued");
                        } else {
                            data.append(line).append('\n');
                        }
                        continue;
                    }
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    switch (verb) {
                        case "EHLO" -> send(out, "250-localhost\r\n250 AUTH PLAIN LOGIN");
                        case "HELO" -> send(out, "250 localhost");
                        case "AUTH" -> send(out, "235 ok");
                        case "DATA" -> {
                            data = new StringBuilder();
                            send(out, "354 go on");
                        }
                        case "QUIT" -> {
                            send(out, "221 bye");
                            socket.close();
                        }
                        default -> send(out, "250 ok");
                    }
                    if (socket.isClosed()) {
                        break;
                    }
                }
            } catch (IOException e) {
                // a dropped connection: the next one is served
            }
        }
    }

    private void record(String mail) {
        String flat = mail.replaceAll("=\\r?\\n", "").replace("=3D", "=");
        // Alertmanager's default e-mail lists each alert of the group with its labels, under "[n] Firing" and then
        // "[n] Resolved": one alert of a group can resolve while another still fires (one mail, subject FIRING).
        int resolvedSection = flat.indexOf("] Resolved</strong>");
        int from = flat.indexOf(LABELS);
        boolean any = false;
        while (from >= 0) {
            int next = flat.indexOf(LABELS, from + LABELS.length());
            String alert = flat.substring(from, next < 0 ? flat.length() : next);
            Matcher name = MAIL_ALERT.matcher(alert);
            if (name.find()) {
                String status = resolvedSection >= 0 && from > resolvedSection ? "resolved" : "firing";
                received.add(new Notification("email-warnings", name.group(1), status, alert));
                any = true;
            }
            from = next;
        }
        if (any) {
            return;
        }
        String status = flat.contains("[RESOLVED") ? "resolved" : "firing";
        Matcher m = Pattern.compile("Subject: \\[(?:FIRING|RESOLVED)(?::\\d+)?\\] (MirShop\\w+)").matcher(flat);
        if (m.find()) {
            received.add(new Notification("email-warnings", m.group(1), status, mail));
            return;
        }
        Matcher label = MAIL_ALERT.matcher(flat);
        if (label.find()) {
            received.add(new Notification("email-warnings", label.group(1), status, mail));
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        smtp.close();
    }
}
