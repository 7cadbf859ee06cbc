package dev.mirshop.storefront.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.Checkouts;
import dev.mirshop.storefront.mail.MailFixtures;
import dev.mirshop.storefront.mail.Mailbox;
import dev.mirshop.storefront.mail.embedded.ReceivedMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Issue 17, point 3: /orders/lookup mails the private order link again and never shows an order on the page. */
@QuarkusTest
class OrderLookupTest {

    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures mails;
    @Inject
    PublicBaseUrl baseUrl;

    @Test
    void theRightAddressAndNumberGetTheLinkByMailAndThePageShowsNoOrder() {
        ShopFixtures.Item mug = fixtures.product("Lookup Mug", "18.00", 5);
        String email = Mailbox.uniqueAddress("lookup");
        String orderPath = Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        String number = orderPath.substring("/orders/".length(), orderPath.indexOf('?'));
        Mailbox.awaitOne(email);

        Browser guest = Browser.from("198.51.100.90");
        Document form = guest.page("/orders/lookup");
        assertThat(form.select("form[action='/orders/lookup'] input[name=number]")).isNotEmpty();
        Response asked = guest.post("/orders/lookup", "email", email.toUpperCase(), "number", " #" + number.toLowerCase() + " ");
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.header("Location")).isEqualTo("/orders/lookup/sent");
        Response sent = guest.get("/orders/lookup/sent");
        assertThat(sent.asString()).doesNotContain(number).doesNotContain(mug.name()).doesNotContain("token=");

        ReceivedMail mail = Mailbox.await(email, 2).get(1);
        assertThat(mail.subject()).isEqualTo("Your MIR Shop order " + number);
        assertThat(mail.to()).containsExactly(email);
        String link = Mailbox.link(mail, baseUrl.get() + "/orders/");
        assertThat(link).isEqualTo(baseUrl.get() + orderPath);
        assertThat(Jsoup.parse(mail.html()).select("a[data-order-link]").attr("href")).isEqualTo(link);
        assertThat(Browser.from("198.51.100.91").get(orderPath).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongAddressOrNumberGetsTheSameAnswerAndNoMailGoesAnywhere() {
        ShopFixtures.Item mug = fixtures.product("Guess Mug", "18.00", 5);
        String email = Mailbox.uniqueAddress("guessed");
        String orderPath = Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        String number = orderPath.substring("/orders/".length(), orderPath.indexOf('?'));
        Mailbox.awaitOne(email);
        String attacker = Mailbox.uniqueAddress("attacker");

        Browser guesser = Browser.from("198.51.100.92");
        guesser.get("/orders/lookup");
        Response wrongAddress = guesser.post("/orders/lookup", "email", attacker, "number", number);
        Response wrongNumber = guesser.post("/orders/lookup", "email", email, "number", "R000000001");
        assertThat(wrongAddress.statusCode()).isEqualTo(303);
        assertThat(wrongNumber.statusCode()).isEqualTo(303);
        assertThat(wrongAddress.header("Location")).isEqualTo(wrongNumber.header("Location")).isEqualTo("/orders/lookup/sent");
        assertThat(mails.outbox(attacker)).isEmpty();
        assertThat(mails.outbox(email)).as("only the confirmation").hasSize(1);
    }

    @Test
    void lookupsAreThrottledPerAddressAndPerClient() {
        String email = Mailbox.uniqueAddress("lookup-flood");
        for (int i = 0; i < 5; i++) {
            Browser b = Browser.from("198.51.100." + (100 + i));
            b.get("/orders/lookup");
            assertThat(b.post("/orders/lookup", "email", email, "number", "R12345678" + i).statusCode()).isEqualTo(303);
        }
        Browser sixth = Browser.from("198.51.100.105");
        sixth.get("/orders/lookup");
        Response refused = sixth.post("/orders/lookup", "email", email, "number", "R123456789");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(Jsoup.parse(refused.asString()).select("[data-error]").text()).contains("Too many lookups");

        Browser scanner = Browser.from("198.51.100.110");
        scanner.get("/orders/lookup");
        int accepted = 0;
        for (int i = 0; i < 21; i++) {
            if (scanner.post("/orders/lookup", "email", Mailbox.uniqueAddress("scan"), "number", "R1000000" + (10 + i))
                    .statusCode() == 303) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(20);
    }

    @Test
    void malformedInputGetsAPageWithTheFieldsToFix() {
        Browser guest = Browser.from("198.51.100.120");
        guest.get("/orders/lookup");
        Response bad = guest.post("/orders/lookup", "email", "nobody", "number", "12345");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(bad.asString());
        assertThat(page.select("[data-error-for=email]").text()).contains("e-mail address");
        assertThat(page.select("[data-error-for=number]").text()).contains("R123456789");
        Response huge = guest.post("/orders/lookup", "email", "x".repeat(400), "number", "R".repeat(400));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.asString()).doesNotContain("x".repeat(300));
        Response empty = guest.post("/orders/lookup");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(guest.postWithoutCsrf("/orders/lookup", "email", "a@b.example", "number", "R123456789").statusCode())
                .isEqualTo(400);
    }
}
