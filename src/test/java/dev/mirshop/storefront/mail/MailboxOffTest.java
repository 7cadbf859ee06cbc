package dev.mirshop.storefront.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Production's situation inside a test: no embedded SMTP server (the production artifact has none, as
 * ProductionArtifactTest proves) and the mailer pointing at an SMTP server that is not there. /dev/mailbox answers 404,
 * orders are placed, and their mails wait in the outbox.
 */
@QuarkusTest
@TestProfile(MailboxOffTest.NoEmbeddedSmtp.class)
class MailboxOffTest {

    public static class NoEmbeddedSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.mail.embedded-smtp", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", "9");
        }
    }

    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures mails;

    @Test
    void withoutTheEmbeddedServerTheMailboxIsNotFoundAndMailsWaitInTheOutbox() {
        assertThat(Mailbox.smtp().isRunning()).isFalse();
        assertThat(given().accept("text/html").get("/dev/mailbox").statusCode()).isEqualTo(404);
        assertThat(given().accept("text/html").get("/dev/mailbox/1/html").statusCode()).isEqualTo(404);

        ShopFixtures.Item mug = fixtures.product("Offline Mug", "9.00", 5);
        String email = Mailbox.uniqueAddress("offline");
        assertThat(Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email)).startsWith("/orders/R");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails.outbox(email)).hasSize(1);
            assertThat(mails.outbox(email).get(0).attempts()).isPositive();
        });
        assertThat(mails.outbox(email).get(0).sentAt()).isNull();
        assertThat(mails.outbox(email).get(0).lastError()).isNotBlank();
    }
}
