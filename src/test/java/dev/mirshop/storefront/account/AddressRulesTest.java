package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 15, point 7: one address rule (storefront.address.AddressValidator) for the account's address book and for
 * checkout's address step. The same inputs get the same verdict, field by field, from both forms.
 */
@QuarkusTest
class AddressRulesTest {

    @Inject
    Fixtures db;
    @Inject
    ShopFixtures shop;

    private Browser addressBook;
    private Browser checkout;

    @BeforeEach
    void twoForms() {
        String email = Fixtures.uniqueEmail("rules");
        db.account(email, "Rule Keeper");
        addressBook = new Browser();
        assertThat(addressBook.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        addressBook.get("/account");
        checkout = new Browser()
                .addToCart(shop.product("Rule Mug", "9.00", 10).variantId(), 1);
        checkout.get("/checkout/address");
    }

    /** The field the address book refused (without its address_ prefix), or null when it saved the address. */
    private String addressBookVerdict(String zip, String country, String phone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("address_name", "Rule Keeper");
        form.put("address_line1", "1 Main Street");
        form.put("address_line2", "");
        form.put("address_city", "Springfield");
        form.put("address_zip", zip);
        form.put("address_country", country);
        form.put("address_phone", phone);
        Response r = addressBook.post("/account/address", form);
        if (r.statusCode() == 303) {
            return null;
        }
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.asString());
        assertThat(page.select("[data-error-for]")).as("exactly one field refused").hasSize(1);
        return page.selectFirst("[data-error-for]").attr("data-error-for").replace("address_", "") + ": "
                + page.selectFirst("[data-error-for]").text();
    }

    /** The field checkout refused, or null when it saved the address and went on to delivery. */
    private String checkoutVerdict(String zip, String country, String phone) {
        Response r = checkout.post("/checkout/address", "email", "rules@example.test", "name", "Rule Keeper",
                "line1", "1 Main Street", "line2", "", "city", "Springfield", "zip", zip, "country", country,
                "phone", phone);
        if (r.statusCode() == 303) {
            assertThat(r.header("Location")).isEqualTo("/checkout/delivery");
            return null;
        }
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.asString());
        assertThat(page.select("[data-field-error]")).as("exactly one field refused").hasSize(1);
        return page.selectFirst("[data-field-error]").attr("data-field-error") + ": "
                + page.selectFirst("[data-field-error]").text();
    }

    @ParameterizedTest(name = "zip \"{0}\", country {1}, phone \"{2}\" → {3}")
    @CsvSource(delimiter = '|', nullValues = "ok", value = {
            "94107       | US | +1 415 555 0100   | ok",
            "94107-1234  | US | (415) 555-0100    | ok",
            "9410        | US |                   | zip",
            "ABC         | US |                   | zip",
            "SW1Y 4JH    | GB | +44 20 7946 0000  | ok",
            "D02 X285    | IE |                   | ok",
            "10115       | DE | 030.1234567       | ok",
            "12345678901 | GB |                   | zip",
            "-1234       | FR |                   | zip",
            "SW1Y 4JH    | XX |                   | country",
            "94107       | US | call me maybe     | phone",
            "94107       | US | 12 34             | phone",
            "94107       | US | 1234567890123456  | phone",
            "94107       | US | 555/0100 12       | phone" })
    void theAddressBookAndCheckoutGiveTheSameVerdict(String zip, String country, String phone, String refused) {
        String book = addressBookVerdict(zip, country, phone == null ? "" : phone);
        String step = checkoutVerdict(zip, country, phone == null ? "" : phone);

        assertThat(book).as("address book").isEqualTo(step);
        if (refused == null) {
            assertThat(step).as("accepted").isNull();
        } else {
            assertThat(step).as("refused field").startsWith(refused + ": ");
        }
    }

    @Test
    void anAddressSavedInTheBookIsOneCheckoutAcceptsAsItIs() {
        assertThat(addressBookVerdict("SW1Y 4JH", "GB", "+44 20 7946 0000")).isNull();
        // the logged-in shopper's checkout starts from the saved address; sending it on unchanged is accepted
        addressBook.addToCart(shop.product("Rule Jug", "9.00", 10).variantId(), 1);
        Document form = addressBook.page("/checkout/address");
        assertThat(form.select("input[name=zip]").val()).isEqualTo("SW1Y 4JH");
        assertThat(form.select("select[name=country] option[selected]").val()).isEqualTo("GB");
        Response r = addressBook.post("/checkout/address", "email", form.select("input[name=email]").val(), "name",
                form.select("input[name=name]").val(), "line1", form.select("input[name=line1]").val(), "line2",
                form.select("input[name=line2]").val(), "city", form.select("input[name=city]").val(), "zip",
                form.select("input[name=zip]").val(), "country", "GB", "phone", form.select("input[name=phone]").val());
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/checkout/delivery");
    }
}
