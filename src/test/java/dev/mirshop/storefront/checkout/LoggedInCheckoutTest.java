package dev.mirshop.storefront.checkout;

import static dev.mirshop.storefront.cart.Browser.html;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.AttributeType;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A logged-in shopper: the cart belongs to the account, the address comes prefilled, the order is the account's. */
@QuarkusTest
class LoggedInCheckoutTest {

    @Inject
    ShopFixtures fixtures;

    @BeforeEach
    void accounts() {
        fixtures.ensureAccounts();
    }

    @Test
    @TestSecurity(user = ShopFixtures.OWNER_EMAIL, roles = "shopper", attributes = @SecurityAttribute(key = "account_id",
            value = "990001", type = AttributeType.LONG))
    void theAccountsAddressIsPrefilledAndTheOrderIsTheAccounts() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 5);
        Browser browser = new Browser().addToCart(mug.variantId(), 1);
        assertThat(fixtures.cartRow(browser.cartToken())[0]).isEqualTo(ShopFixtures.OWNER_ACCOUNT_ID);

        Document address = html(browser.get("/checkout/address"));
        assertThat(address.select(".guest-notice")).isEmpty();
        assertThat(address.select("input[name=email]").attr("value")).isEqualTo(ShopFixtures.OWNER_EMAIL);
        assertThat(address.select("input[name=name]").attr("value")).isEqualTo("Olivia Owner");
        assertThat(address.select("input[name=line1]").attr("value")).isEqualTo("1 Market Street");
        assertThat(address.select("input[name=city]").attr("value")).isEqualTo("San Francisco");
        assertThat(address.select("input[name=zip]").attr("value")).isEqualTo("94105");
        assertThat(address.select("input[name=phone]").attr("value")).isEqualTo("+1 415 555 0100");

        Response placed = browser.fillAddress().chooseDelivery("standard").payOnDelivery().post("/checkout/confirm");
        Matcher link = Pattern.compile("^/orders/(R\\d{9})\\?token=.+$").matcher(placed.header("Location"));
        assertThat(link.matches()).isTrue();
        assertThat(fixtures.orderRow(link.group(1))[0]).isEqualTo(ShopFixtures.OWNER_ACCOUNT_ID);
        assertThat(new Browser().get("/orders/" + link.group(1)).statusCode()).as("owner needs no token").isEqualTo(200);
    }

    @Test
    @TestSecurity(user = ShopFixtures.OTHER_EMAIL, roles = "shopper", attributes = @SecurityAttribute(key = "account_id",
            value = "990002", type = AttributeType.LONG))
    void anAccountWithoutSavedAddressGetsItsEmailPrefilled() {
        ShopFixtures.Item mug = fixtures.product("Stoneware Mug", "12.00", 5);
        Browser browser = new Browser().addToCart(mug.variantId(), 1);
        Document address = html(browser.get("/checkout/address"));
        assertThat(address.select("input[name=email]").attr("value")).isEqualTo(ShopFixtures.OTHER_EMAIL);
        assertThat(address.select("input[name=name]").attr("value")).isEqualTo("Otto Other");
        assertThat(address.select("input[name=line1]").attr("value")).isEmpty();
        assertThat(address.select("select[name=country] option[selected]").attr("value")).isEqualTo("US");
    }
}
