package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The environment-provided marketer: created or updated with a bcrypt hash, able to log in to the console. */
@QuarkusTest
class MarketerBootstrapTest {

    @Inject
    MarketerBootstrap bootstrap;
    @Inject
    ConsoleFixtures fixtures;

    @Test
    void createsTheMarketerThenUpdatesItsPasswordAndRole() {
        String email = ConsoleFixtures.unique("boss") + "@example.com";
        bootstrap.ensure(email, "first password 123", "Boss");
        assertThat(fixtures.count("select count(*) from accounts where email = ? and role = 'marketer'"
                + " and password_hash like '$2a$%'", email)).isEqualTo(1);
        assertThat(ConsoleBrowser.loggedIn(email, "first password 123").get("/admin/campaigns").statusCode())
                .isEqualTo(200);

        bootstrap.ensure(email.toUpperCase(), "second password 456", "Boss");
        assertThat(fixtures.count("select count(*) from accounts where lower(email) = lower(?)", email)).isEqualTo(1);
        var old = new ConsoleBrowser();
        old.get("/login");
        assertThat(old.post("/login", Map.of("email", email, "password", "first password 123")).statusCode())
                .isEqualTo(401);
        assertThat(ConsoleBrowser.loggedIn(email, "second password 456").get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void promotesAnExistingShopperAndRefusesWeakInput() {
        String shopper = fixtures.account("shopper");
        bootstrap.ensure(shopper, "a long enough password", "ignored");
        assertThat(fixtures.count("select count(*) from accounts where email = ? and role = 'marketer'", shopper))
                .isEqualTo(1);

        String weak = ConsoleFixtures.unique("weak") + "@example.com";
        bootstrap.ensure(weak, "short", "Weak");
        bootstrap.ensure("not-an-email", "a long enough password", "Nobody");
        assertThat(fixtures.count("select count(*) from accounts where email in (?, 'not-an-email')", weak)).isZero();
    }
}
