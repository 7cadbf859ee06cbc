package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 17, point 1: several senders at once (replicas, the scheduled job, a shutdown flush) send every mail exactly
 * once: each row is locked while SMTP answers and skipped by the others; a mail exists only if its order does.
 */
@QuarkusTest
class OutboxConcurrencyTest {

    @Inject
    MailOutbox outbox;
    @Inject
    OutboxSender sender;
    @Inject
    MailFixtures mails;
    @Inject
    ShopFixtures fixtures;

    @Test
    void fourSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        String prefix = Mailbox.uniqueAddress("race").replace("@example.com", "");
        List<String> addresses = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 30; i++) {
                String address = prefix + "-" + i + "@example.com";
                addresses.add(address);
                outbox.enqueue(new OutgoingMail(MailKind.ORDER_LINK, address, "Race " + i, "<p>Race " + i + "</p>",
                        "Race " + i));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> senders = List.of(sender::sendDue, sender::sendDue, sender::sendDue, sender::sendDue);
            for (Future<Integer> f : pool.invokeAll(senders)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> addresses.stream().allMatch(a -> !Mailbox.receivedBy(a).isEmpty()));
        for (String address : addresses) {
            assertThat(Mailbox.receivedBy(address)).as(address).hasSize(1);
            assertThat(mails.outbox(address)).hasSize(1);
            assertThat(mails.outbox(address).get(0).attempts()).as("one attempt, by one sender").isEqualTo(1);
        }
    }

    @Test
    void anOrderThatFailsLeavesNoMail() {
        ShopFixtures.Item scarce = fixtures.product("Scarce Mug", "15.00", 1);
        String email = Mailbox.uniqueAddress("no-order");
        Browser browser = new Browser().addToCart(scarce.variantId(), 1);
        Checkouts.address(browser, email).chooseDelivery("standard").payByCard("4111 1111 1111 1111");
        fixtures.setStock(scarce.variantId(), 0);
        assertThat(browser.post("/checkout/confirm").statusCode()).as("out of stock: not placed").isNotEqualTo(303);
        assertThat(mails.outbox(email)).as("the order rolled back, and its mail with it").isEmpty();
    }
}
