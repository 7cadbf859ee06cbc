package dev.mirshop.storefront.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.Browser;
import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.MailFixtures;
import dev.mirshop.storefront.mail.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Issue 17, point 4: save variants, see them in the account, move them to the cart, share a read-only link. */
@QuarkusTest
class WishlistTest {

    static final String PASSWORD = "quiet harbour lemon kite";

    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures accounts;

    private Browser loggedIn(String name) {
        String email = Mailbox.uniqueAddress(name);
        accounts.account(email, name + " Shopper", PASSWORD);
        Browser browser = Browser.from("203.0.113." + (1 + (Math.abs(email.hashCode()) % 200)));
        Response login = browser.logIn(email, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        browser.forgetCsrfToken();
        return browser;
    }

    @Test
    void aVariantSavedOnTheProductPageIsInTheAccountAndMovesToTheCartInOneClick() {
        ShopFixtures.Item shirt = fixtures.product("Wish Shirt", "39.00", 4, "size:L");
        Browser shopper = loggedIn("wisher");
        Document product = shopper.page("/products/" + shirt.slug());
        assertThat(product.select("form.wishlist-add input[name=variant_id]").attr("value"))
                .isEqualTo(String.valueOf(shirt.variantId()));
        assertThat(product.select("form.wishlist-add input[name=csrf-token]").val())
                .as("a logged-in shopper's form carries their token, and it is the one posted").isNotBlank()
                .isEqualTo(shopper.csrfToken());
        Response saved = shopper.post("/wishlist/add", "variant_id", shirt.variantId(), "return",
                "/products/" + shirt.slug());
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/account/wishlist?saved=1");
        shopper.post("/wishlist/add", "variant_id", shirt.variantId(), "return", "/");

        Document list = shopper.page("/account/wishlist?saved=1");
        assertThat(list.select("[data-notice]").text()).isEqualTo("Saved to your wishlist.");
        assertThat(list.select(".wishlist-line")).as("saved twice, listed once").hasSize(1);
        assertThat(list.select(".wishlist-line").text()).contains(shirt.name()).contains("Size: L").contains("$39.00");
        assertThat(shopper.page("/account").select("[data-wishlist-count]").attr("data-wishlist-count")).isEqualTo("1");

        String itemId = list.select(".wishlist-line").attr("data-wishlist-item");
        Response moved = shopper.post("/wishlist/move-to-cart", "item_id", itemId);
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.header("Location")).isEqualTo("/cart");
        assertThat(fixtures.quantityInCart(shopper.cartToken(), shirt.variantId())).isEqualTo(1);
        assertThat(shopper.page("/account/wishlist").select(".wishlist-line")).isEmpty();
    }

    @Test
    void saveForLaterTakesTheItemOutOfTheCartOntoTheWishlist() {
        ShopFixtures.Item mug = fixtures.product("Later Mug", "11.00", 6);
        Browser shopper = loggedIn("later");
        shopper.addToCart(mug.variantId(), 2);
        Document cart = shopper.page("/cart");
        String itemId = cart.select(".cart-line").attr("data-item-id");
        assertThat(cart.select("form[action='/wishlist/from-cart'] button.save-for-later")).hasSize(1);

        Response later = shopper.post("/wishlist/from-cart", "item_id", itemId);
        assertThat(later.statusCode()).isEqualTo(303);
        assertThat(fixtures.quantityInCart(shopper.cartToken(), mug.variantId())).isZero();
        assertThat(shopper.page("/account/wishlist").select(".wishlist-line").text()).contains(mug.name());
    }

    @Test
    void guestsAreAskedToLogInAndSeeNoSaveForLater() {
        ShopFixtures.Item mug = fixtures.product("Guest Wish Mug", "11.00", 6);
        Browser guest = new Browser().addToCart(mug.variantId(), 1);
        assertThat(guest.page("/cart").select("form[action='/wishlist/from-cart']")).isEmpty();
        guest.page("/products/" + mug.slug());
        Response add = guest.post("/wishlist/add", "variant_id", mug.variantId(), "return", "/products/" + mug.slug());
        assertThat(add.statusCode()).isEqualTo(303);
        assertThat(add.header("Location")).isEqualTo("/login?return=%2Fproducts%2F" + mug.slug());
        Browser visitor = new Browser();
        visitor.headers.put("Sec-Fetch-Site", "same-origin");
        assertThat(visitor.page("/products/" + mug.slug()).select("form.wishlist-add input[name=csrf-token]"))
                .as("the shared product page: no token for a visitor").isEmpty();
        Response pressed = visitor.postWithoutCsrf("/wishlist/add", "variant_id", mug.variantId(), "return",
                "/products/" + mug.slug());
        assertThat(pressed.statusCode()).as("a visitor form: no token needed from this shop's page").isEqualTo(303);
        assertThat(pressed.header("Location")).isEqualTo("/login?return=%2Fproducts%2F" + mug.slug());
        visitor.headers.put("Sec-Fetch-Site", "cross-site");
        assertThat(visitor.postWithoutCsrf("/wishlist/add", "variant_id", mug.variantId()).statusCode()).isEqualTo(403);
        Response offsite = guest.post("/wishlist/add", "variant_id", mug.variantId(), "return", "//evil.example/");
        assertThat(offsite.header("Location")).isEqualTo("/login?return=%2Faccount%2Fwishlist");
        assertThat(guest.get("/account/wishlist").header("Location")).startsWith("/login?return=");
    }

    @Test
    void thePrivateLinkShowsTheListReadOnlyAndANewLinkRetiresTheOldOne() {
        ShopFixtures.Item bag = fixtures.product("Shared Bag", "80.00", 3);
        Browser owner = loggedIn("sharer");
        owner.page("/products/" + bag.slug());
        owner.post("/wishlist/add", "variant_id", bag.variantId(), "return", "/");
        Document list = owner.page("/account/wishlist");
        String shareUrl = list.select("[data-share-link]").attr("value");
        String itemId = list.select(".wishlist-line").attr("data-wishlist-item");
        assertThat(shareUrl).matches("http://localhost:\\d+/wishlist/shared/[A-Za-z0-9_-]{43}");
        String sharePath = shareUrl.replaceFirst("^http://localhost:\\d+", "");

        Browser friend = loggedIn("friend");
        Response shared = friend.get(sharePath);
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(shared.header("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(shared.asString());
        assertThat(page.select("h1").text()).isEqualTo("sharer's wishlist");
        assertThat(page.select(".wishlist-line").text()).contains(bag.name()).contains("$80.00");
        assertThat(page.select("main form")).as("read-only: no form on the shared list").isEmpty();
        assertThat(new Browser().get(sharePath).statusCode()).as("no login needed").isEqualTo(200);

        Response steal = friend.post("/wishlist/remove", "item_id", itemId);
        assertThat(steal.statusCode()).as("another shopper cannot change it").isEqualTo(404);
        assertThat(friend.post("/wishlist/move-to-cart", "item_id", itemId).statusCode()).isEqualTo(404);
        assertThat(owner.page("/account/wishlist").select(".wishlist-line")).hasSize(1);

        owner.post("/wishlist/share");
        assertThat(new Browser().get(sharePath).statusCode()).as("the old link is retired").isEqualTo(404);
        String newUrl = owner.page("/account/wishlist").select("[data-share-link]").attr("value");
        assertThat(newUrl).isNotEqualTo(shareUrl);
        assertThat(new Browser().get("/wishlist/shared/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsAClearPageAndTheListStaysAsItWas() {
        ShopFixtures.Item mug = fixtures.product("Sold Wish Mug", "11.00", 2);
        Browser shopper = loggedIn("careful");
        shopper.page("/account/wishlist");
        Response notANumber = shopper.post("/wishlist/add", "variant_id", "abc", "return", "/");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notANumber.asString()).select("[data-error]").text()).contains("choose a product");
        Response unknown = shopper.post("/wishlist/add", "variant_id", "999999999", "return", "/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.asString()).select("[data-error]").text()).contains("could not be found");

        shopper.post("/wishlist/add", "variant_id", mug.variantId(), "return", "/");
        String itemId = shopper.page("/account/wishlist").select(".wishlist-line").attr("data-wishlist-item");
        fixtures.setStock(mug.variantId(), 0);
        Response soldOut = shopper.post("/wishlist/move-to-cart", "item_id", itemId);
        assertThat(soldOut.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(soldOut.asString()).select("[data-error]").text()).contains("out of stock");
        assertThat(Jsoup.parse(soldOut.asString()).select(".wishlist-line")).as("kept on the list").hasSize(1);
        assertThat(shopper.post("/wishlist/remove", "item_id", "-1").statusCode()).isEqualTo(400);
        assertThat(shopper.post("/wishlist/from-cart", "item_id", "123456789").statusCode()).isEqualTo(404);
        assertThat(shopper.postWithoutCsrf("/wishlist/add", "variant_id", mug.variantId()).statusCode()).isEqualTo(400);
    }
}
