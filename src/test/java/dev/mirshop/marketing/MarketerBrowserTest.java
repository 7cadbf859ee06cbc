package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.mirshop.testing.Banners;
import dev.mirshop.testing.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A marketer in Debian's chromium: logs in, creates a campaign, uploads its banner, makes it live; then a shopper
 * gets it. Skipped without chromium, except in CI (CI=true), where a missing browser fails the test.
 * Screenshots go to target/screenshots/.
 */
@QuarkusTest
class MarketerBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    static Chromium chromium;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aMarketerLaunchesACampaignWithABannerAndShoppersGetIt() throws Exception {
        Files.createDirectories(SHOTS);
        String name = ConsoleFixtures.unique("Browser Christmas");
        String adTitle = ConsoleFixtures.unique("Browser gifts");
        Path banner = Path.of("target", adTitle + ".svg");
        Files.write(banner, Banners.svg("Gifts for everyone"));
        Long campaignId = null;

        try (BrowserContext marketerContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900))) {
            Page page = marketerContext.newPage();
            page.navigate(url("/admin/campaigns"));
            assertThat(page.url()).contains("/login?return=");
            page.getByLabel("Email").fill(ConsoleFixtures.DEMO_MARKETER);
            page.getByLabel("Password").fill(ConsoleFixtures.DEMO_PASSWORD);
            page.locator("form[action='/login'] button[type=submit]").click();
            page.waitForURL("**/admin/campaigns");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("marketing-1-campaigns.png"))
                    .setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign")).click();
            page.locator("input[name=name]").fill(name);
            page.locator("input[name=theme]").fill("christmas");
            page.locator("input[name=startsAt]").fill("2091-12-01T00:00");
            page.locator("input[name=endsAt]").fill("2091-12-26T00:00");
            page.locator("input[name=priority]").fill("1000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
            page.waitForURL("**/admin/campaigns/*?done=created");
            campaignId = Long.valueOf(page.url().replaceAll(".*/admin/campaigns/(\\d+).*", "$1"));
            assertThat(page.locator("h1 .status").textContent()).isEqualTo("scheduled");

            page.locator("input[name=title]").fill(adTitle);
            page.locator("input[name=altText]").fill("Gifts for everyone");
            page.locator("input[name=targetPath]").fill("/t/categories/mugs");
            page.locator("input[name=image]").setInputFiles(banner);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add ad")).click();
            page.waitForURL("**?done=ad-added");
            assertThat(page.locator("tr[data-ad-id]").textContent()).contains(adTitle, "600×200");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go live now")).click();
            page.waitForURL("**?done=go-live");
            assertThat(page.locator("h1 .status").textContent()).isEqualTo("live");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("marketing-2-campaign-live.png"))
                    .setFullPage(true));
            // the banner renders in the console
            assertThat((Boolean) page.locator("tr[data-ad-id] img")
                    .evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
        }

        try (BrowserContext shopperContext = browser.newContext()) {
            Page shopper = shopperContext.newPage();
            // the shopper sees the new campaign's banner on the home page (campaigns reload within seconds)
            boolean onHome = false;
            for (int i = 0; i < 20 && !onHome; i++) {
                shopper.navigate(url("/"));
                onHome = shopper.locator("section.slot-ad img[alt='Gifts for everyone']").count() > 0;
                if (!onHome) {
                    shopper.waitForTimeout(500);
                }
            }
            shopper.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("marketing-3-home-as-shopper.png"))
                    .setFullPage(true));
            assertThat(onHome).as("the home page shows the new campaign's banner").isTrue();
            shopper.locator("section.slot-ad img[alt='Gifts for everyone']").scrollIntoViewIfNeeded();
            shopper.waitForFunction("() => { const i = document.querySelector(\"section.slot-ad img[alt='Gifts for everyone']\");"
                    + " return i && i.complete && i.naturalWidth > 0; }");
            // and the selection API feeds it
            boolean seen = false;
            String imageUrl = null;
            for (int i = 0; i < 10 && !seen; i++) {
                var answer = shopperContext.request().get(url("/api/ads/select?count=10"));
                assertThat(answer.status()).isEqualTo(200);
                var ads = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.text());
                for (var ad : ads) {
                    if (adTitle.equals(ad.path("title").asText())) {
                        seen = true;
                        imageUrl = ad.path("imageUrl").asText();
                    }
                }
            }
            assertThat(seen).as("shoppers get the new campaign's ad").isTrue();
            var image = shopper.navigate(url(imageUrl));
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.headers().get("content-type")).isEqualTo("image/svg+xml");
            shopper.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("marketing-4-banner.png")));
        } finally {
            if (campaignId != null) {
                ServiceApi.act(campaignId, "end");
            }
        }
    }
}
