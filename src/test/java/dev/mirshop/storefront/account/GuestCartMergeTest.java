package dev.mirshop.storefront.account;

import dev.mirshop.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.CartCookie;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class GuestCartMergeTest {

    @Inject
    Fixtures db;

    private Response logInWithCart(String email, String cartToken) {
        Browser browser = new Browser();
        browser.get("/login");
        if (cartToken != null) {
            browser.cookies.put(CartCookie.NAME, cartToken);
        }
        Response response = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(303);
        return response;
    }

    private Map<Long, Integer> items(long cartId) {
        Map<Long, Integer> items = new java.util.HashMap<>();
        for (Object[] row : db.rows("select variant_id, quantity from cart_items where cart_id = ?", cartId)) {
            items.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return items;
    }

    @Test
    void guestItemsMoveIntoTheAccountCartAndQuantitiesAddUp() {
        String email = Fixtures.uniqueEmail("merge");
        long me = db.account(email, "Merger");
        long shared = db.variant(20);
        List<Long> others = List.of(db.variant(5), db.variant(5));
        String accountToken = CartCookie.newToken();
        long accountCart = db.cart(accountToken, me);
        db.cartItem(accountCart, shared, 2);
        db.cartItem(accountCart, others.get(0), 1);
        String guestToken = CartCookie.newToken();
        long guestCart = db.cart(guestToken, null);
        db.cartItem(guestCart, shared, 3);
        db.cartItem(guestCart, others.get(1), 4);

        Response response = logInWithCart(email, guestToken);

        assertThat(response.detailedCookie(CartCookie.NAME).getValue()).isEqualTo(accountToken);
        assertThat(response.detailedCookie(CartCookie.NAME).isHttpOnly()).isTrue();
        assertThat(db.queryLong("select count(*) from carts where id = ?", guestCart)).isZero();
        assertThat(items(accountCart)).containsExactlyInAnyOrderEntriesOf(Map.of(
                shared, 5, others.get(0), 1, others.get(1), 4));
    }

    @Test
    void mergedQuantityIsCappedAtStockAnd99() {
        String email = Fixtures.uniqueEmail("cap");
        long me = db.account(email, "Capper");
        long plenty = db.variant(500);
        long scarce = db.variant(3);
        long accountCart = db.cart(CartCookie.newToken(), me);
        db.cartItem(accountCart, plenty, 90);
        db.cartItem(accountCart, scarce, 2);
        String guestToken = CartCookie.newToken();
        long guestCart = db.cart(guestToken, null);
        db.cartItem(guestCart, plenty, 50);
        db.cartItem(guestCart, scarce, 2);

        logInWithCart(email, guestToken);

        assertThat(items(accountCart)).containsExactlyInAnyOrderEntriesOf(Map.of(plenty, 99, scarce, 3));
    }

    @Test
    void guestCartBecomesTheAccountCartWhenTheAccountHasNone() {
        String email = Fixtures.uniqueEmail("adopt");
        long me = db.account(email, "Adopter");
        String guestToken = CartCookie.newToken();
        long guestCart = db.cart(guestToken, null);
        db.cartItem(guestCart, db.variant(5), 1);

        Response response = logInWithCart(email, guestToken);

        assertThat(db.queryLong("select account_id from carts where id = ?", guestCart)).isEqualTo(me);
        assertThat(items(guestCart)).hasSize(1);
        io.restassured.http.Cookie cookie = response.detailedCookie(CartCookie.NAME);
        assertThat(cookie == null || guestToken.equals(cookie.getValue())).isTrue();
    }

    @Test
    void withoutAGuestCartTheCookiePointsToTheAccountCart() {
        String email = Fixtures.uniqueEmail("own");
        long me = db.account(email, "Owner");
        String older = CartCookie.newToken();
        db.cart(older, me);
        String newest = CartCookie.newToken();
        db.cart(newest, me);
        db.update("update carts set updated_at = now() - interval '1 day' where token = ?", older);

        Response response = logInWithCart(email, null);

        assertThat(response.detailedCookie(CartCookie.NAME).getValue()).isEqualTo(newest);
    }

    @Test
    void anotherAccountsCartIsNeverTaken() {
        String email = Fixtures.uniqueEmail("thief");
        long me = db.account(email, "Not A Thief");
        long victim = db.account(Fixtures.uniqueEmail("victim"), "Victim");
        String victimToken = CartCookie.newToken();
        long victimCart = db.cart(victimToken, victim);
        db.cartItem(victimCart, db.variant(5), 1);

        Response response = logInWithCart(email, victimToken);

        assertThat(db.queryLong("select account_id from carts where id = ?", victimCart)).isEqualTo(victim);
        assertThat(items(victimCart)).hasSize(1);
        assertThat(db.queryLong("select count(*) from carts where account_id = ?", me)).isZero();
        assertThat(response.detailedCookie(CartCookie.NAME).getMaxAge()).isZero();
    }

    @Test
    void theFirstLoginAfterSignupAdoptsTheGuestCart() {
        String guestToken = CartCookie.newToken();
        long guestCart = db.cart(guestToken, null);
        db.cartItem(guestCart, db.variant(5), 2);
        Browser browser = new Browser();
        browser.get("/signup");
        browser.cookies.put(CartCookie.NAME, guestToken);
        String email = Fixtures.uniqueEmail("newcomer");

        Response response = browser.post("/signup", Map.of("name", "Newcomer", "email", email,
                "password", "tall-violet-kettle-19", "password_confirmation", "tall-violet-kettle-19"));
        assertThat(response.statusCode()).isEqualTo(303);
        // the new account logs in (signup itself logs nobody in: it must answer the same for a taken e-mail)
        assertThat(browser.post("/login", Map.of("email", email, "password", "tall-violet-kettle-19")).statusCode())
                .isEqualTo(303);
        assertThat(db.queryLong("select account_id from carts where id = ?", guestCart))
                .isEqualTo(db.queryLong("select id from accounts where email = ?", email));
    }
}
