package dev.mirshop.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.mirshop.testing.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A shopper in a real browser: home → category → product → add to cart → guest checkout → order page.
 * Screenshots of each step land in target/screenshots/journey-*.png.
 */
@QuarkusTest
class ShopperJourneyBrowserTest {

    @TestHTTPResource("/")
    URL home;

    @Test
    void guestBuysAProductFromHomeToOrderPage() {
        try (Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();

            page.navigate(home.toString());
            assertThat(page.title()).contains("MIR Shop");
            shot(page, "1-home");

            page.locator("nav.category-menu a[href='/t/categories/clothing']").first().click();
            assertThat(page.url()).endsWith("/t/categories/clothing");
            assertThat(page.locator("h1").first().textContent()).contains("Clothing");
            shot(page, "2-category");

            // the first product in the grid that can be bought
            page.locator(".product-card:not(.sold-out) a").first().click();
            page.waitForURL("**/products/**");
            String productName = page.locator("h1").first().textContent().trim();
            shot(page, "3-product");

            assertThat(page.locator("form[action='/cart/add'] input[name=csrf-token]").count())
                    .as("a visitor's shared product page has no token: Chromium's Sec-Fetch-Site vouches for the form")
                    .isZero();
            page.locator("form[action='/cart/add'] button[type=submit]").click();
            page.waitForURL("**/cart");
            assertThat(page.content()).contains(productName);
            assertThat(page.locator("[data-cart-count]").textContent().trim()).isEqualTo("1");
            shot(page, "4-cart");

            page.locator("a[href='/checkout'], a[href='/checkout/address']").first().click();
            page.waitForURL("**/checkout/address");
            page.fill("#email", "browser.guest@example.com");
            page.fill("#name", "Grace Guest");
            page.fill("#line1", "12 Market Street");
            page.fill("#city", "Springfield");
            page.fill("#zip", "12345");
            shot(page, "5-address");
            page.locator("form[action='/checkout/address'] button[type=submit]").click();

            page.waitForURL("**/checkout/delivery");
            page.locator("input[name=shipping_method]").first().check();
            page.locator("form[action='/checkout/delivery'] button[type=submit]").click();

            page.waitForURL("**/checkout/payment");
            page.check("#pay-card");
            page.fill("#card_number", "4111 1111 1111 1111");
            page.fill("#card_expiry", "12/39");
            page.fill("#card_cvc", "123");
            shot(page, "6-payment");
            page.locator("form[action='/checkout/payment'] button[type=submit]").click();

            page.waitForURL("**/checkout/confirm");
            shot(page, "7-confirm");
            page.locator("form[action='/checkout/confirm'] button[type=submit]").click();

            page.waitForURL("**/orders/**");
            String orderPage = page.content();
            assertThat(orderPage).contains(productName).contains("1111");
            assertThat(page.locator("h1").first().textContent()).containsIgnoringCase("thank");
            shot(page, "8-order");
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "journey-" + name + ".png")));
    }
}
