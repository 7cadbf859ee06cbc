package dev.mirshop.storefront.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Issue 17, point 5: outside production, /dev/mailbox shows what the embedded SMTP server received. */
@QuarkusTest
class DevMailboxTest {

    @Inject
    ShopFixtures fixtures;

    @Test
    void theMailboxShowsTheConfirmationWithItsLinksAndASandboxedHtmlPart() {
        ShopFixtures.Item mug = fixtures.product("Mailbox Mug", "9.00", 5);
        String email = Mailbox.uniqueAddress("mailbox");
        String orderPath = Checkouts.placeOrder(new Browser().addToCart(mug.variantId(), 1), email);
        Mailbox.awaitOne(email);

        Response page = new Browser().get("/dev/mailbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        Document doc = Jsoup.parse(page.asString());
        var mail = doc.select("article.mail").stream().filter(a -> a.select("[data-to]").text().equals(email))
                .findFirst().orElseThrow();
        assertThat(mail.select("[data-subject]").text()).startsWith("Your MIR Shop order R");
        assertThat(mail.select("a[data-mail-link]").eachAttr("href")).anyMatch(href -> href.endsWith(orderPath));
        assertThat(mail.select("[data-text]").text()).contains(mug.name());

        String htmlLink = mail.select("a[href$=/html]").attr("href");
        Response html = new Browser().get(htmlLink);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        assertThat(Jsoup.parse(html.asString()).select("[data-order-number]").text()).startsWith("R");
        assertThat(new Browser().get("/dev/mailbox/999999/html").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/dev/mailbox/abc/html").statusCode()).isEqualTo(404);
    }
}
