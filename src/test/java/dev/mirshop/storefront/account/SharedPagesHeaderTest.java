package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The home and product pages are rendered once and shared (storefront.web.SharedPages), yet each shopper's header,
 * search box and forms are their own: who is logged in, their log-out form and CSRF token, the page to come back to.
 * A visitor's forms there carry no token (CsrfFilter.VISITOR_FORMS), so a visitor's page is the same for all.
 */
@QuarkusTest
class SharedPagesHeaderTest {

    static final String PRODUCT = "/products/heavyweight-hoodie";

    @Inject
    Fixtures db;

    private static Document page(Browser browser, String path) {
        Response response = browser.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.asString();
        assertThat(html).as("no hole marker reaches a page").doesNotContain("\u0001");
        return Jsoup.parse(html);
    }

    @Test
    void aLoggedInShopperSeesTheirAccountAndTheirOwnTokensOnSharedPages() {
        String email = Fixtures.uniqueEmail("shared");
        db.account(email, "Shared <i>Page</i> Person");
        Browser shopper = new Browser();
        page(new Browser(), PRODUCT); // someone else's view first: the shared page exists before this shopper's
        assertThat(shopper.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
        String token = shopper.csrfToken();
        assertThat(token).isNotBlank();

        for (String path : new String[] { "/", PRODUCT }) {
            Document doc = page(shopper, path);
            assertThat(doc.select(".account-links a[href=/account]").attr("title"))
                    .isEqualTo("Signed in as Shared <i>Page</i> Person");
            assertThat(doc.select(".account-links i")).as("a name is escaped").isEmpty();
            assertThat(doc.select(".account-links form[action=/logout] input[name=csrf-token]").val()).isEqualTo(token);
            assertThat(doc.select(".account-links a[href^=/login]")).isEmpty();
        }
        assertThat(page(shopper, PRODUCT).select("form.add-to-cart input[name=csrf-token]").val()).isEqualTo(token);

        Document anonymous = page(new Browser(), PRODUCT);
        assertThat(anonymous.select(".account-links a[href=/account]")).isEmpty();
        assertThat(anonymous.select(".account-links form[action=/logout]")).isEmpty();
    }

    @Test
    void eachLoggedInShopperGetsATokenOfTheirOwnAndAVisitorNone() {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = Fixtures.uniqueEmail("token");
            db.account(email, "Token Person");
            Browser shopper = new Browser();
            assertThat(shopper.logIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
            Document doc = page(shopper, PRODUCT);
            String token = doc.select("form.add-to-cart input[name=csrf-token]").val();
            assertThat(token).isNotBlank().isNotEqualTo(shopper.cookie("mir_csrf"));
            assertThat(page(shopper, PRODUCT).select("form.wishlist-add input[name=csrf-token]").val())
                    .as("the same browser gets the same token on every page: several tabs keep working").isEqualTo(token);
            Response added = shopper.post("/cart/add", java.util.Map.of("variant_id",
                    doc.select("form.add-to-cart input[name=variant_id]").val(), "quantity", "1"));
            assertThat(added.statusCode()).as("the product page's token is taken: " + added.asString()).isEqualTo(303);
            tokens.add(token);
        }
        assertThat(tokens.get(0)).isNotEqualTo(tokens.get(1));

        Browser visitor = new Browser();
        assertThat(page(visitor, PRODUCT).select("input[name=csrf-token]")).as("a visitor's shared page").isEmpty();
        assertThat(visitor.cookies).as("and no nonce minted for it").isEmpty();
    }

    @Test
    void theSearchBoxAndTheLoginLinkFollowThisRequest() {
        Browser shopper = new Browser();
        Response response = shopper.get(PRODUCT + "?keywords=<b>hoodie\"");
        String html = response.asString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("input#search-keywords").val()).isEqualTo("<b>hoodie\"");
        assertThat(html).contains("value=\"&lt;b&gt;hoodie&quot;\"").doesNotContain("<b>hoodie");
        assertThat(doc.select(".account-links a:contains(Log in)").attr("href"))
                .isEqualTo("/login?return=%2Fproducts%2Fheavyweight-hoodie%3Fkeywords%3D%253Cb%253Ehoodie%2522");

        Document plain = page(new Browser(), PRODUCT);
        assertThat(plain.select("input#search-keywords").val()).isEmpty();
        assertThat(plain.select(".account-links a:contains(Log in)").attr("href"))
                .isEqualTo("/login?return=%2Fproducts%2Fheavyweight-hoodie");
        assertThat(page(new Browser(), "/").select(".account-links a:contains(Log in)").attr("href")).isEqualTo("/login");
    }
}
