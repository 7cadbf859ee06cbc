package dev.mirshop.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The environment-provided staff: created or updated with a bcrypt hash and their role, able to log in to the console. */
@QuarkusTest
class StaffBootstrapTest {

    @Inject
    StaffBootstrap bootstrap;
    @Inject
    ConsoleFixtures fixtures;

    @Test
    void createsTheMarketerThenUpdatesItsPasswordAndRole() {
        String email = ConsoleFixtures.unique("boss") + "@example.com";
        bootstrap.ensure(email, "first password 123", "Boss", AdminGuard.ROLE);
        assertThat(hashedWithRole(email, AdminGuard.ROLE)).isEqualTo(1);
        assertThat(ConsoleBrowser.loggedIn(email, "first password 123").get("/admin/campaigns").statusCode())
                .isEqualTo(200);

        bootstrap.ensure(email.toUpperCase(), "second password 456", "Boss", AdminGuard.ROLE);
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
        bootstrap.ensure(shopper, "a long enough password", "ignored", AdminGuard.ROLE);
        assertThat(fixtures.count("select count(*) from accounts where email = ? and role = 'marketer'", shopper))
                .isEqualTo(1);

        String weak = ConsoleFixtures.unique("weak") + "@example.com";
        bootstrap.ensure(weak, "short", "Weak", AdminGuard.ROLE);
        bootstrap.ensure("not-an-email", "a long enough password", "Nobody", AdminGuard.ROLE);
        assertThat(fixtures.count("select count(*) from accounts where email in (?, 'not-an-email')", weak)).isZero();
    }

    @Test
    void givesAnOperatorTheOperatorRole() {
        String email = ConsoleFixtures.unique("ops") + "@example.com";
        bootstrap.ensure(email, "an operator password 789", "Ops", AdminGuard.OPERATOR);
        assertThat(hashedWithRole(email, AdminGuard.OPERATOR)).isEqualTo(1);
    }

    /** Accounts of this address with this role and a bcrypt hash as their password. */
    private long hashedWithRole(String email, String role) {
        return fixtures.count("select count(*) from accounts where email = ? and role = ? and password_hash like '$2a$%'",
                email, role);
    }
}
