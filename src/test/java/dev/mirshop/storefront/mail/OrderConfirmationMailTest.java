package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.platform.web.PublicBaseUrl;
import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.embedded.ReceivedMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Issue 17, point 1: every placed order gets a confirmation mail over real SMTP, with HTML and text parts. */
@QuarkusTest
class OrderConfirmationMailTest {

    private static final Pattern ORDER_PATH = Pattern.compile("/orders/(R\\d{9})\\?token=[A-Za-z0-9_-]{43}");

    @Inject
    ShopFixtures fixtures;
    @Inject
    PublicBaseUrl baseUrl;
    @Inject
    MailFixtures mailFixtures;

    @Test
    void aGuestOrderIsConfirmedByMailWithLinesDiscountTotalsAddressAndTheOrderLink() {
        ShopFixtures.Item shirt = fixtures.product("Mail Shirt", "45.00", 10, "size:M");
        String email = Mailbox.uniqueAddress("guest-mail");
        Browser browser = new Browser().addToCart(shirt.variantId(), 1);
        Browser.expectRedirect(browser.post("/cart/coupon", "code", "TAKE5"), "/cart");
        // A forged Host must not reach the mail: links come from the canonical base URL only.
        browser.headers.put("X-Forwarded-Host", "evil.example");
        String orderPath = Checkouts.placeOrder(browser, email);
        Matcher m = ORDER_PATH.matcher(orderPath);
        assertThat(m.matches()).as(orderPath).isTrue();
        String number = m.group(1);

        ReceivedMail mail = Mailbox.awaitOne(email);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.from()).contains("shop@mirshop.localhost");
        assertThat(mail.subject()).isEqualTo("Your MIR Shop order " + number + " is confirmed");
        assertThat(mail.messageId()).endsWith("@mail.mirshop>");

        String orderUrl = baseUrl.get() + orderPath;
        assertThat(mail.text()).contains("Your order " + number).contains(shirt.name()).contains("Size: M")
                .contains("1 x $45.00 = $45.00").contains("Item total: $45.00").contains("Shipping (Standard): $5.99")
                .contains("Discount TAKE5: -$5.00").contains("Total: $45.99").contains("7 Post Office Row")
                .contains("Flat 2").contains("Letterton 10115").contains("United States").contains(orderUrl)
                .doesNotContain("evil.example");
        assertThat(Mailbox.link(mail, baseUrl.get())).isEqualTo(orderUrl);

        Document html = Jsoup.parse(mail.html());
        assertThat(html.select("[data-order-number]").text()).isEqualTo(number);
        assertThat(html.select("[data-line]")).hasSize(1);
        assertThat(html.select("[data-line]").text()).contains(shirt.name()).contains("Size: M").contains("$45.00");
        assertThat(html.select("[data-discount]").text()).isEqualTo("−$5.00");
        assertThat(html.select("[data-total]").text()).isEqualTo("$45.99");
        assertThat(html.select("[data-address]").text()).contains("Mia Mailer").contains("7 Post Office Row");
        assertThat(html.select("a[data-order-link]").attr("href")).isEqualTo(orderUrl);
        assertThat(mail.html()).doesNotContain("evil.example");

        // The link opens the order for whoever has the mail, in another browser.
        Response page = new Browser().get(orderPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.asString()).select("[data-order-number]").text()).isEqualTo(number);
    }

    @Test
    void aSignedInShoppersOrderIsConfirmedToTheAddressOfTheOrderAndTheMailOpensIt() {
        ShopFixtures.Item bag = fixtures.product("Account Mail Bag", "30.00", 5);
        String email = Mailbox.uniqueAddress("account-mail");
        mailFixtures.account(email, "Ada Account", "amber meadow cobalt river");
        Browser browser = new Browser();
        assertThat(browser.logIn(email, "amber meadow cobalt river").statusCode()).isEqualTo(303);
        browser.addToCart(bag.variantId(), 2);
        String orderPath = Checkouts.placeOrder(browser, email);
        String number = orderPath.substring("/orders/".length(), orderPath.indexOf('?'));

        ReceivedMail mail = Mailbox.awaitOne(email);
        assertThat(mail.subject()).isEqualTo("Your MIR Shop order " + number + " is confirmed");
        assertThat(mail.text()).contains(bag.name()).contains("2 x $30.00 = $60.00");
        assertThat(Jsoup.parse(mail.html()).select("a[data-order-link]").attr("href")).isEqualTo(baseUrl.get() + orderPath);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mailFixtures.outbox(email)).singleElement().satisfies(row -> {
                    assertThat(row.kind()).isEqualTo("order_confirmation");
                    assertThat(row.sentAt()).as("marked sent").isNotNull();
                }));
    }

    @Test
    void productNamesAreEscapedInTheHtmlPartAndLeftPlainInTheText() {
        ShopFixtures.Item mug = fixtures.product("Mug", "12.00", 5);
        mailFixtures.renameProduct(mug.productId(), "<b>Bold</b> & \"Mug\"");
        String email = Mailbox.uniqueAddress("escape-mail");
        Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 2), email);

        ReceivedMail mail = Mailbox.awaitOne(email);
        assertThat(mail.html()).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Mug&quot;").doesNotContain("<b>Bold</b>");
        assertThat(mail.text()).contains("<b>Bold</b> & \"Mug\"");
    }
}
