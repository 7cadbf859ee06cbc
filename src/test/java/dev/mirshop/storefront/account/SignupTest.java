package dev.mirshop.storefront.account;

import dev.mirshop.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class SignupTest {

    @Inject
    Fixtures db;

    private static Map<String, String> form(String name, String email, String password, String confirmation) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("password", password);
        form.put("password_confirmation", confirmation);
        return form;
    }

    @Test
    void signupCreatesAnAccountWithABcryptHashThenTheShopperLogsIn() {
        Browser browser = new Browser();
        String email = Fixtures.uniqueEmail("Signup");
        assertThat(browser.get("/signup").statusCode()).isEqualTo(200);

        Response response = browser.post("/signup", form("Grace Hopper", email, "s3cret-pass-phrase", "s3cret-pass-phrase"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/login?welcome=1");
        assertThat(browser.get("/login?welcome=1").asString()).contains("Your account is ready");
        String hash = db.queryString("select password_hash from accounts where email = ?", email);
        assertThat(hash).startsWith("$2").doesNotContain("s3cret-pass-phrase");
        assertThat(hash.substring(4, 6)).isGreaterThanOrEqualTo("10");

        assertThat(browser.post("/login", Map.of("email", email, "password", "s3cret-pass-phrase")).statusCode())
                .isEqualTo(303);
        Document account = Jsoup.parse(browser.get("/account").then().statusCode(200).extract().asString());
        assertThat(account.select("[data-profile=name]").text()).isEqualTo("Grace Hopper");
        assertThat(account.select("[data-profile=email]").text()).isEqualTo(email);
    }

    @Test
    void signupHonoursASafeReturnPath() {
        Browser browser = new Browser();
        browser.get("/signup?return=/cart");
        Map<String, String> form = form("Ret Urn", Fixtures.uniqueEmail("ret"), "tall-violet-kettle-19", "tall-violet-kettle-19");
        form.put("return", "/cart");
        Response response = browser.post("/signup", form);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/login?welcome=1&return=%2Fcart");
    }

    /** Issue 13, point 14: signup told whether an e-mail had an account (409 "already exists"). */
    @Test
    void aTakenEmailGetsExactlyTheAnswerOfANewOne() {
        String email = Fixtures.uniqueEmail("dup");
        db.account(email, "First Owner");
        Browser taken = new Browser();
        taken.get("/signup");
        Response response = taken.post("/signup", form("Second", email.toUpperCase(), "tall-violet-kettle-19", "tall-violet-kettle-19"));
        Browser fresh = new Browser();
        fresh.get("/signup");
        Response created = fresh.post("/signup", form("Second", Fixtures.uniqueEmail("dup"), "tall-violet-kettle-19",
                "tall-violet-kettle-19"));

        assertThat(response.statusCode()).isEqualTo(created.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(created.header("Location"));
        assertThat(response.asString()).isEqualTo(created.asString()).doesNotContain("exists");
        assertThat(db.queryLong("select count(*) from accounts where lower(email) = lower(?)", email)).isEqualTo(1);
        assertThat(db.queryString("select name from accounts where lower(email) = lower(?)", email)).isEqualTo("First Owner");
        assertThat(taken.cookie("mir_session")).isNull();
        assertThat(fresh.cookie("mir_session")).isNull();
    }

    @Test
    void shortPasswordIsRefusedNextToTheField() {
        Browser browser = new Browser();
        browser.get("/signup");
        String email = Fixtures.uniqueEmail("short");
        Response response = browser.post("/signup", form("Shorty", email, "short", "short"));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-error-for=password]").text()).contains("at least 12 characters");
        assertThat(page.select("input[name=email]").val()).isEqualTo(email);
        assertThat(db.queryLong("select count(*) from accounts where email = ?", email)).isZero();
    }

    @Test
    void mismatchedConfirmationIsRefused() {
        Browser browser = new Browser();
        browser.get("/signup");
        String email = Fixtures.uniqueEmail("mismatch");
        Response response = browser.post("/signup", form("Mis Match", email, "tall-violet-kettle-19", "tall-violet-kettle-20"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select("[data-error-for=password_confirmation]").text())
                .isEqualTo("Passwords do not match.");
        assertThat(db.queryLong("select count(*) from accounts where email = ?", email)).isZero();
    }

    @Test
    void badEmailAndMissingNameAreRefusedAndEscaped() {
        Browser browser = new Browser();
        browser.get("/signup");
        Response response = browser.post("/signup", form("", "<script>alert(1)</script>", "tall-violet-kettle-19", "tall-violet-kettle-19"));
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("[data-error-for=email]").text()).contains("valid email address");
        assertThat(page.select("[data-error-for=name]").text()).isEqualTo("Please enter your name.");
        assertThat(response.asString()).doesNotContain("<script>alert(1)</script>");
        assertThat(page.select("input[name=email]").val()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void signupWithoutCsrfTokenIsA400() {
        Browser browser = new Browser();
        browser.get("/signup");
        String email = Fixtures.uniqueEmail("nocsrf");
        Response response = browser.postWithoutCsrf("/signup", form("No Csrf", email, "tall-violet-kettle-19", "tall-violet-kettle-19"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(db.queryLong("select count(*) from accounts where email = ?", email)).isZero();
    }
}
