package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.mirshop.storefront.mail.embedded.EmbeddedSmtp;
import dev.mirshop.storefront.mail.embedded.ReceivedMail;
import io.quarkus.arc.Arc;

/** What the shop's embedded SMTP server received, for tests: waits for mails to arrive, never sleeps. */
public final class Mailbox {

    private Mailbox() {
    }

    public static EmbeddedSmtp smtp() {
        return Arc.container().instance(EmbeddedSmtp.class).get();
    }

    /** An address no other test writes to. */
    public static String uniqueAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Waits until exactly {@code count} mails have reached {@code address} and returns them, oldest first. */
    public static List<ReceivedMail> await(String address, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp().receivedBy(address).size() >= count);
        List<ReceivedMail> mails = smtp().receivedBy(address);
        assertThat(mails).as("mails to " + address).hasSize(count);
        return mails;
    }

    public static ReceivedMail awaitOne(String address) {
        return await(address, 1).get(0);
    }

    public static List<ReceivedMail> receivedBy(String address) {
        return smtp().receivedBy(address);
    }

    /** The first link of the mail's plain-text part that starts with {@code prefix}. */
    public static String link(ReceivedMail mail, String prefix) {
        return mail.links().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no link starting with " + prefix + " in " + mail.text()));
    }
}
