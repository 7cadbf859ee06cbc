package dev.mirshop.storefront.mail.embedded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.storefront.mail.MailConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the process, for `java -jar` on a laptop and for the tests: what the shop sends
 * arrives here and is shown at /dev/mailbox. It starts when the process serves the storefront, {@code
 * shop.mail.embedded-smtp} is true (the default) and the mailer still points at it (QUARKUS_MAILER_HOST/_PORT unset).
 * This class and GreenMail are only in builds without -Dproduction (pom.xml, profile embedded-db).
 */
@ApplicationScoped
public class EmbeddedSmtp {

    private static final Logger LOG = Logger.getLogger(EmbeddedSmtp.class);

    @Inject
    ShopConfig shop;
    @Inject
    Config config;
    @Inject
    MailConfig mailConfig;

    private GreenMail server;
    /** Mails received by servers stopped earlier in this process (a test stopping SMTP), oldest first. */
    private final List<MimeMessage> earlier = new ArrayList<>();

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!mailConfig.embeddedSmtp() || !shop.role().serves(ShopRole.storefront)) {
            return;
        }
        String host = config.getOptionalValue("quarkus.mailer.host", String.class).orElse("");
        int port = config.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(-1);
        if (!EmbeddedSmtpConfigSourceProvider.HOST.equals(host) || port != EmbeddedSmtpConfigSourceProvider.port()) {
            LOG.infof("Mail goes to %s:%d (QUARKUS_MAILER_HOST/_PORT): the embedded SMTP server stays off", host, port);
            return;
        }
        start();
        LOG.infof("Mail goes to the embedded SMTP server on %s:%d; what was sent is at /dev/mailbox",
                EmbeddedSmtpConfigSourceProvider.HOST, port);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the server on its port (again, after {@link #stop()}). */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        GreenMail mail = new GreenMail(new ServerSetup(EmbeddedSmtpConfigSourceProvider.port(),
                EmbeddedSmtpConfigSourceProvider.HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        server = mail;
    }

    /** Stops the server: the shop's mails wait in the outbox until it is back. What it received is kept. */
    public synchronized void stop() {
        if (server != null) {
            earlier.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return EmbeddedSmtpConfigSourceProvider.port();
    }

    /** Every mail received since the process started, oldest first. */
    public synchronized List<ReceivedMail> received() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        Optional.ofNullable(server).ifPresent(s -> all.addAll(Arrays.asList(s.getReceivedMessages())));
        return all.stream().map(ReceivedMail::of).toList();
    }

    /** The mails received for one address, oldest first. */
    public List<ReceivedMail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }
}
