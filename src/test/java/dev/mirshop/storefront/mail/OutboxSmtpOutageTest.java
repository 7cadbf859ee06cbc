package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.testing.ShopTime;
import dev.mirshop.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 17, points 1 and 6: SMTP goes away in the middle of a run. Orders are still placed at once, their mails wait
 * in the outbox (retried with backoff on the shop's clock, counted as failures), and go out exactly once when SMTP is
 * back; a mail that never gets through is abandoned after the last attempt, kept and counted.
 */
@QuarkusTest
class OutboxSmtpOutageTest {

    private static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");

    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures mails;
    @Inject
    OutboxSender sender;
    @Inject
    OutboxGauges gauges;

    @AfterEach
    void smtpBack() {
        Mailbox.smtp().start();
    }

    @Test
    void anOrderPlacedWhileSmtpIsDownIsConfirmedOnceWhenSmtpIsBack() {
        TestClock clock = ShopTime.at(T0);
        mails.postponeAllUnsent(T0.plus(Duration.ofDays(3650)));
        Mailbox.smtp().stop();
        double failuresBefore = Metrics.value("shop_mail_send_failures_total", "kind=\"order_confirmation\"",
                "outcome=\"retry\"");
        double sentBefore = Metrics.value("shop_mails_sent_total", "kind=\"order_confirmation\"");

        ShopFixtures.Item mug = fixtures.product("Outage Mug", "15.00", 5);
        String email = Mailbox.uniqueAddress("outage");
        String orderPath = Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        assertThat(orderPath).as("the order is placed while SMTP is down").startsWith("/orders/R");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<MailFixtures.OutboxRow> rows = mails.outbox(email);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).attempts()).isEqualTo(1);
        });
        MailFixtures.OutboxRow waiting = mails.outbox(email).get(0);
        assertThat(waiting.kind()).isEqualTo("order_confirmation");
        assertThat(waiting.sentAt()).isNull();
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).as("first retry 30 s later, on the shop's clock").isEqualTo(T0.plusSeconds(30));
        assertThat(Metrics.value("shop_mail_send_failures_total", "kind=\"order_confirmation\"", "outcome=\"retry\""))
                .isGreaterThan(failuresBefore);
        gauges.refresh();
        assertThat(Metrics.value("shop_mail_outbox_pending")).isGreaterThanOrEqualTo(1);
        clock.advance(Duration.ofSeconds(20));
        assertThat(Metrics.value("shop_mail_outbox_oldest_age_seconds")).as("the waiting mail's age").isGreaterThanOrEqualTo(20);
        // Not due yet: no further attempt while the clock stands before the backoff.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mails.outbox(email).get(0).attempts() == 1);

        Mailbox.smtp().start();
        clock.advance(Duration.ofSeconds(11));
        Mailbox.awaitOne(email);
        await().atMost(Duration.ofSeconds(10)).until(() -> mails.outbox(email).get(0).sentAt() != null);
        MailFixtures.OutboxRow sent = mails.outbox(email).get(0);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(31));

        // Sending again, on demand and on schedule, sends nothing more.
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.receivedBy(email).size() == 1);
        assertThat(Metrics.value("shop_mails_sent_total", "kind=\"order_confirmation\"")).isGreaterThan(sentBefore);
        gauges.refresh();
        assertThat(Metrics.value("shop_mail_outbox_oldest_age_seconds")).isZero();
    }

    @Test
    void aMailThatNeverGetsThroughIsAbandonedAfterTheLastAttemptAndKept() {
        TestClock clock = ShopTime.at(T0);
        mails.postponeAllUnsent(T0.plus(Duration.ofDays(3650)));
        Mailbox.smtp().stop();
        ShopFixtures.Item mug = fixtures.product("Lost Mug", "15.00", 5);
        String email = Mailbox.uniqueAddress("abandoned");
        Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        double abandonedBefore = Metrics.value("shop_mail_send_failures_total", "outcome=\"abandoned\"");

        for (int attempt = 1; attempt <= 20; attempt++) {
            int expected = attempt;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                sender.sendDue();
                assertThat(mails.outbox(email).get(0).attempts()).isEqualTo(expected);
            });
            clock.advance(Duration.ofHours(1).plusSeconds(1));
        }
        MailFixtures.OutboxRow row = mails.outbox(email).get(0);
        assertThat(row.abandonedAt()).isNotNull();
        assertThat(row.sentAt()).isNull();
        assertThat(Metrics.value("shop_mail_send_failures_total", "outcome=\"abandoned\"")).isEqualTo(abandonedBefore + 1);
        gauges.refresh();
        assertThat(Metrics.value("shop_mail_outbox_abandoned")).isGreaterThanOrEqualTo(1);

        Mailbox.smtp().start();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Mailbox.receivedBy(email).isEmpty());
        assertThat(mails.outbox(email)).hasSize(1);
    }
}
