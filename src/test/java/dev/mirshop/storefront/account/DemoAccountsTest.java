package dev.mirshop.storefront.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.mirshop.testing.Browser;
import io.quarkus.test.junit.QuarkusTest;

/** A shop that runs with the demo data says so where it matters: at login and in the marketer console. */
@QuarkusTest
class DemoAccountsTest {

    @Test
    void theLoginPageAndTheConsoleWarnThatTheDemoMarketerExists() {
        Browser browser = new Browser();
        String login = browser.get("/login").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(login).select("[data-demo-accounts]").text())
                .contains("marketer@mirshop.dev", "docs/marketing.md");

        assertThat(browser.logIn("marketer@mirshop.dev", "mir-marketer-demo").statusCode()).isEqualTo(303);
        String console = browser.get("/admin/campaigns").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(console).select("[data-demo-accounts]").text()).contains("marketer@mirshop.dev");
    }
}
