package dev.mirshop.storefront.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test gateway and the card checks in front of it, without the application. */
class BogusGatewayTest {
    private static final YearMonth TODAY = YearMonth.of(2026, 11);
    private final BogusGateway gateway = new BogusGateway();

    private static PaymentForm card(String number, String expiry, String cvc) {
        PaymentForm form = new PaymentForm();
        form.method = "card";
        form.number = number;
        form.expiry = expiry;
        form.cvc = cvc;
        return form;
    }

    @Test
    void onlyTheTestNumberIsApproved() {
        PaymentForm good = card("4111 1111 1111 1111", "11/26", "123");
        assertThat(good.validate(TODAY).isEmpty()).isTrue();
        assertThat(gateway.authorize(good)).isEqualTo(new BogusGateway.Authorization(true, "Visa", "1111"));

        PaymentForm other = card("4242-4242-4242-4242", "01/27", "1234");
        assertThat(other.validate(TODAY).isEmpty()).isTrue();
        assertThat(gateway.authorize(other)).isEqualTo(new BogusGateway.Authorization(false, "Visa", "4242"));
    }

    @ParameterizedTest
    @CsvSource({ "5555555555554444,Mastercard", "2223003122003222,Mastercard", "378282246310005,American Express",
            "6011111111111117,Discover", "4000056655665556,Visa", "3056930009020004,Card" })
    void brandsAreRecognised(String number, String brand) {
        PaymentForm form = card(number, "12/30", "123");
        assertThat(form.validate(TODAY).isEmpty()).isTrue();
        assertThat(gateway.authorize(form).brand()).isEqualTo(brand);
    }

    @ParameterizedTest
    @CsvSource({ "4111111111111112", "411111111111", "12345678901234567890", "4111 1111 1111 111x" })
    void numbersThatFailLuhnOrLengthAreInvalid(String number) {
        assertThat(card(number, "12/30", "123").validate(TODAY).get("card_number"))
                .isEqualTo("Please enter a valid card number.");
    }

    @Test
    void expiryIsCheckedAgainstTheCurrentMonth() {
        assertThat(card("4111111111111111", "10/26", "123").validate(TODAY).get("card_expiry")).isEqualTo("This card has expired.");
        assertThat(card("4111111111111111", "11/26", "123").validate(TODAY).has("card_expiry")).isFalse();
        assertThat(card("4111111111111111", "11 / 2026", "123").validate(TODAY).has("card_expiry")).isFalse();
        assertThat(card("4111111111111111", "00/27", "123").validate(TODAY).get("card_expiry")).isEqualTo("Please enter a month from 01 to 12.");
        assertThat(card("4111111111111111", "12/99", "123").validate(TODAY).get("card_expiry")).isEqualTo("Please check the expiry date.");
    }

    @Test
    void theFormNeverPrintsTheCard() {
        PaymentForm form = card("4111111111111111", "12/30", "987");
        form.validate(TODAY);
        assertThat(form.toString()).doesNotContain("4111").doesNotContain("987");
    }
}
