package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.embedded.ReceivedMail;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 17, point 1: a process dies between the order and its mail, and the mail still goes out exactly once.
 *
 * <p>
 * The other process is a connection of its own to the shop's database (another replica, or this pod before it was
 * killed), doing what {@link OutboxDelivery} does while SMTP answers: it holds the mail's row locked. It then dies:
 * its connection is aborted, which is what PostgreSQL sees when a process is killed (the socket closes, the
 * transaction is rolled back, the lock is gone). The scheduled sender is paused so that the test decides who sends
 * when.
 */
@QuarkusTest
class OutboxProcessDeathTest {

    private static final String OUTBOX_JOB = "mail-outbox";

    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures mails;
    @Inject
    OutboxSender sender;
    @Inject
    Scheduler scheduler;
    @Inject
    Config config;

    @AfterEach
    void resumeTheSender() {
        scheduler.resume(OUTBOX_JOB);
    }

    @Test
    void aProcessThatDiedAfterTheOrderCommittedLeavesItsMailToTheNextOneWhichSendsItOnce() {
        scheduler.pause(OUTBOX_JOB);
        ShopFixtures.Item mug = fixtures.product("Orphan Mug", "11.00", 5);
        String email = Mailbox.uniqueAddress("died-before-send");
        String orderPath = Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);

        // The process that placed the order is gone before any sender ran: the mail waits, durable, with the order.
        assertThat(mails.outbox(email)).hasSize(1);
        assertThat(mails.outbox(email).get(0).attempts()).isZero();
        assertThat(Mailbox.receivedBy(email)).isEmpty();

        assertThat(sender.sendDue()).as("the next process sends what is due").isPositive();
        ReceivedMail mail = Mailbox.awaitOne(email);
        assertThat(mail.links()).anyMatch(link -> link.endsWith(orderPath));
        assertThat(mails.outbox(email).get(0).sentAt()).isNotNull();
        assertThat(mails.outbox(email).get(0).attempts()).isEqualTo(1);

        scheduler.resume(OUTBOX_JOB);
        assertThat(sender.sendDue()).isZero();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> Mailbox.receivedBy(email).size() == 1);
    }

    @Test
    void aSenderKilledWhileSmtpAnswersBlocksNoOneTwiceAndItsMailGoesOutOnceAfterItsDeath() throws Exception {
        scheduler.pause(OUTBOX_JOB);
        ShopFixtures.Item mug = fixtures.product("Crash Mug", "11.00", 5);
        String email = Mailbox.uniqueAddress("died-while-sending");
        Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        long id = mails.outbox(email).get(0).id();

        Connection dying = otherProcess();
        try {
            dying.setAutoCommit(false);
            try (PreparedStatement claim = dying.prepareStatement(
                    "select id from mail_outbox where id = ? and sent_at is null for update skip locked")) {
                claim.setLong(1, id);
                try (ResultSet rs = claim.executeQuery()) {
                    assertThat(rs.next()).as("the other process holds the mail").isTrue();
                }
            }
            // While it holds the row (SMTP is answering it), this process's sender leaves that mail alone.
            sender.sendDue();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> Mailbox.receivedBy(email).isEmpty());
            assertThat(mails.outbox(email).get(0).attempts()).isZero();
        } finally {
            // kill -9: no commit, no rollback sent; the server notices the closed socket and rolls back.
            dying.abort(Executors.newSingleThreadExecutor());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !lockedByAnother(id));

        sender.sendDue();
        ReceivedMail mail = Mailbox.awaitOne(email);
        assertThat(mail.subject()).startsWith("Your MIR Shop order R");
        MailFixtures.OutboxRow row = mails.outbox(email).get(0);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.attempts()).as("the dead process's attempt left no trace").isEqualTo(1);

        scheduler.resume(OUTBOX_JOB);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> Mailbox.receivedBy(email).size() == 1);
    }

    /** A connection of its own to the shop's database, outside the shop's pool, as another process has. */
    private Connection otherProcess() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"));
        props.setProperty("password", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        props.setProperty("currentSchema", "storefront");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), props);
    }

    /** Whether some other session still holds a lock on the row (the dead connection, until the server notices). */
    private boolean lockedByAnother(long id) throws SQLException {
        try (Connection probe = otherProcess()) {
            probe.setAutoCommit(false);
            try (PreparedStatement ps = probe.prepareStatement(
                    "select id from mail_outbox where id = ? for update skip locked")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean free = rs.next();
                    probe.rollback();
                    return !free;
                }
            }
        }
    }
}
