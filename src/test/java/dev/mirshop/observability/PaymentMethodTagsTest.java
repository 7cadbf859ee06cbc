package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.mirshop.storefront.cart.PaymentMethod;

/** The checkout names each payment method's meter tag; the meter registers exactly those series at zero. */
class PaymentMethodTagsTest {

    @Test
    void everyPaymentMethodHasASeriesOfTheOrdersMeter() {
        assertThat(Arrays.stream(PaymentMethod.values()).map(PaymentMethod::meterTag))
                .containsExactlyInAnyOrderElementsOf(StorefrontMeters.PAYMENT_METHODS);
        assertThat(PaymentMethod.PAY_ON_DELIVERY.meterTag()).isEqualTo("pay_on_delivery");
        assertThat(PaymentMethod.PAY_ON_DELIVERY.code()).isEqualTo("cod");
    }
}
