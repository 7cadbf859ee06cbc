package dev.mirshop.observability.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The e-mail stand-in reads each alert of a group mail as Alertmanager's default template (Debian's email.tmpl) lists
 * it: under "[n] Firing" or "[n] Resolved", with its labels, in quoted-printable HTML. One alert of a group can
 * resolve while another still fires: the mail's subject says FIRING, that alert is resolved.
 */
class ReceiversTest {

    private static final String STRONG = "<strong style=3D\"margin: 0; font-family: 'Helvetica Neue', Helvetica, Arial, =\r\nsans-serif;\">";
    private static final String BR = "<br style=3D\"margin: 0;\">";

    @Test
    void aGroupMailTellsWhichAlertFiresAndWhichResolved() throws Exception {
        try (Receivers receivers = new Receivers()) {
            String body = STRONG + "[1] Firing</strong>\r\n" + STRONG + "Labels</strong>" + BR
                    + "alertname =3D MirShopFallbackRateHigh" + BR + "method =3D dev.mirshop.storefront.clients.Di=\r\nscountClient.teaser" + BR
                    + STRONG + "[1] Resolved</strong>\r\n" + STRONG + "Labels</strong>" + BR
                    + "alertname =3D MirShopFallbackRateHigh" + BR + "method =3D dev.mirshop.storefront.clients.AdClient.adFor" + BR;
            send(receivers.smtpPort(), "Subject: [FIRING:1] MirShopFallbackRateHigh (e2e)\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + body);

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivers.received.size() == 2);
            String ads = "method = dev.mirshop.storefront.clients.AdClient.";
            String teaser = "method = dev.mirshop.storefront.clients.DiscountClient.teaser";
            assertThat(receivers.got("email-warnings", "MirShopFallbackRateHigh", "resolved", ads, 0)).isTrue();
            assertThat(receivers.got("email-warnings", "MirShopFallbackRateHigh", "firing", ads, 0)).isFalse();
            assertThat(receivers.got("email-warnings", "MirShopFallbackRateHigh", "firing", teaser, 0)).isTrue();
            assertThat(receivers.got("email-warnings", "MirShopFallbackRateHigh", "resolved", teaser, 0)).isFalse();
            assertThat(receivers.got("email-warnings", "MirShopFallbackRateHigh", "resolved", ads, 2)).as("only later ones").isFalse();
        }
    }

    private static void send(int port, String data) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            for (String line : new String[] { "EHLO test", "MAIL FROM:<alerts@example.com>", "RCPT TO:<shop-ops@example.com>", "DATA" }) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                while (reply.startsWith("250-")) {
                    reply = in.readLine();
                }
            }
            out.write((data + "\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            in.readLine();
        }
    }
}
