package dev.mirshop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.mirshop.storefront.cart.ShopFixtures;
import dev.mirshop.storefront.mail.Checkouts;
import dev.mirshop.storefront.mail.MailFixtures;
import dev.mirshop.storefront.mail.Mailbox;
import dev.mirshop.testing.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 17, point 6: what follows an order, in a real browser (Debian chromium), each flow through the mail it sends,
 * read and clicked in /dev/mailbox: the order confirmation, a password reset, the guest order lookup, the wishlist.
 * Screenshots in target/screenshots/after-order-*.png.
 */
@QuarkusTest
class AfterTheOrderBrowserTest {

    private static final String PASSWORD = "amber meadow cobalt river";
    private static final String NEW_PASSWORD = "silver thistle harbor moon";

    @TestHTTPResource("/")
    URL home;
    @Inject
    ShopFixtures fixtures;
    @Inject
    MailFixtures accounts;

    @Test
    void aGuestOrdersAndOpensTheOrderFromTheConfirmationMail() {
        ShopFixtures.Item mug = fixtures.product("Browser Mail Mug", "14.00", 5);
        String email = Mailbox.uniqueAddress("browser-guest");
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(url("/products/" + mug.slug()));
            page.locator("form[action='/cart/add'] button[type=submit]").click();
            page.waitForURL("**/cart");
            page.locator("a[href='/checkout']").first().click();
            page.waitForURL("**/checkout/address");
            page.fill("#email", email);
            page.fill("#name", "Bea Browser");
            page.fill("#line1", "3 Inbox Lane");
            page.fill("#city", "Springfield");
            page.fill("#zip", "12345");
            page.locator("form[action='/checkout/address'] button[type=submit]").click();
            page.waitForURL("**/checkout/delivery");
            page.locator("input[name=shipping_method]").first().check();
            page.locator("form[action='/checkout/delivery'] button[type=submit]").click();
            page.waitForURL("**/checkout/payment");
            page.check("#pay-card");
            page.fill("#card_number", "4111 1111 1111 1111");
            page.fill("#card_expiry", "12/39");
            page.fill("#card_cvc", "123");
            page.locator("form[action='/checkout/payment'] button[type=submit]").click();
            page.waitForURL("**/checkout/confirm");
            page.locator("form[action='/checkout/confirm'] button[type=submit]").click();
            page.waitForURL("**/orders/**");
            String number = page.locator("[data-order-number]").textContent().trim();

            Mailbox.awaitOne(email);
            Locator mail = openMail(page, email, "is confirmed");
            assertThat(mail.locator("[data-subject]").textContent()).contains(number);
            assertThat(mail.locator("[data-text]").textContent()).contains(mug.name()).contains("3 Inbox Lane");
            shot(page, "1-mailbox-confirmation");
            mail.locator("a[data-mail-link]").first().click();
            page.waitForURL("**/orders/" + number + "?token=*");
            assertThat(page.locator("h1").first().textContent()).containsIgnoringCase("thank you");
            shot(page, "2-order-from-mail");
        }
    }

    @Test
    void aShopperWhoForgotThePasswordResetsItFromTheMail() {
        String email = Mailbox.uniqueAddress("browser-reset");
        accounts.account(email, "Rob Reset", PASSWORD);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("a[data-forgot-password]").click();
            page.waitForURL("**/password/forgot");
            page.fill("input[name=email]", email);
            page.locator("form[action='/password/forgot'] button[type=submit]").click();
            page.waitForURL("**/password/forgot/sent");
            assertThat(page.locator("[data-sent]").textContent()).contains("If an account uses that address");

            Mailbox.awaitOne(email);
            Locator mail = openMail(page, email, "Reset your MIR Shop password");
            shot(page, "3-mailbox-reset");
            mail.locator("a[data-mail-link]").first().click();
            page.waitForURL("**/password/reset?token=*");
            page.fill("input[name=password]", NEW_PASSWORD);
            page.fill("input[name=password_confirmation]", NEW_PASSWORD);
            page.locator("form[action='/password/reset'] button[type=submit]").click();
            page.waitForURL("**/login?reset=1");
            assertThat(page.locator("[data-password-reset]").isVisible()).isTrue();
            page.fill("input[name=email]", email);
            page.fill("input[name=password]", NEW_PASSWORD);
            page.locator("form[action='/login'] button[type=submit]").click();
            page.waitForURL("**/account");
            assertThat(page.locator("[data-profile=email]").textContent()).isEqualTo(email);
            shot(page, "4-logged-in-after-reset");
        }
    }

    @Test
    void aGuestWhoClosedTheTabGetsTheOrderLinkByMail() {
        ShopFixtures.Item mug = fixtures.product("Lookup Browser Mug", "14.00", 5);
        String email = Mailbox.uniqueAddress("browser-lookup");
        String orderPath = Checkouts.placeOrder(new dev.mirshop.storefront.cart.Browser().addToCart(mug.variantId(), 1),
                email);
        String number = orderPath.substring("/orders/".length(), orderPath.indexOf('?'));
        Mailbox.awaitOne(email);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(url("/orders/lookup"));
            page.fill("input[name=email]", email);
            page.fill("input[name=number]", number);
            page.locator("form[action='/orders/lookup'] button[type=submit]").click();
            page.waitForURL("**/orders/lookup/sent");
            assertThat(page.content()).doesNotContain(mug.name()).doesNotContain(number);

            Mailbox.await(email, 2);
            Locator mail = openMail(page, email, "Your MIR Shop order " + number);
            shot(page, "5-mailbox-order-link");
            mail.locator("a[data-mail-link]").first().click();
            page.waitForURL("**/orders/" + number + "?token=*");
            assertThat(page.locator("[data-order-number]").textContent().trim()).isEqualTo(number);
        }
    }

    @Test
    void aShopperSavesForLaterMovesToTheCartAndSharesTheWishlist() {
        ShopFixtures.Item shirt = fixtures.product("Wish Browser Shirt", "31.00", 5, "size:S");
        String email = Mailbox.uniqueAddress("browser-wish");
        accounts.account(email, "Wanda Wisher", PASSWORD);
        try (Chromium chromium = Chromium.launch(); BrowserContext context = chromium.browser().newContext();
                BrowserContext friend = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.fill("input[name=email]", email);
            page.fill("input[name=password]", PASSWORD);
            page.locator("form[action='/login'] button[type=submit]").click();
            page.waitForURL("**/account");

            page.navigate(url("/products/" + shirt.slug()));
            page.locator("form.wishlist-add button[type=submit]").click();
            page.waitForURL("**/account/wishlist?saved=1");
            assertThat(page.locator(".wishlist-line").textContent()).contains(shirt.name()).contains("Size: S");
            shot(page, "6-wishlist");

            String shareUrl = page.locator("[data-share-link]").inputValue();
            Page shared = friend.newPage();
            shared.navigate(shareUrl);
            assertThat(shared.locator("h1").textContent()).isEqualTo("Wanda's wishlist");
            assertThat(shared.locator(".wishlist-line").textContent()).contains(shirt.name());
            assertThat(shared.locator("main form").count()).as("read-only").isZero();
            shot(shared, "7-shared-wishlist");

            page.locator("button.move-to-cart").click();
            page.waitForURL("**/cart");
            assertThat(page.locator(".cart-line").textContent()).contains(shirt.name());
            page.locator("button.save-for-later").click();
            page.waitForURL("**/account/wishlist?saved=1");
            assertThat(page.locator(".wishlist-line").count()).isEqualTo(1);
            page.navigate(url("/account"));
            assertThat(page.locator("[data-wishlist-count]").getAttribute("data-wishlist-count")).isEqualTo("1");
        }
    }

    /** Opens /dev/mailbox and returns the newest mail to this address whose subject contains the text. */
    private Locator openMail(Page page, String to, String subject) {
        page.navigate(url("/dev/mailbox"));
        return page.locator("article.mail").filter(new Locator.FilterOptions().setHasText(to))
                .filter(new Locator.FilterOptions().setHasText(subject)).first();
    }

    private String url(String path) {
        return home.toString().replaceAll("/$", "") + path;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "after-order-" + name + ".png")));
    }
}
