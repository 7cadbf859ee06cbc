package dev.mirshop.platform.faults;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the payment faults do to the checkout's gateway (storefront.checkout.BogusGateway). */
@ApplicationScoped
public class PaymentFaults {

    private final Share declines = new Share();

    @Inject
    FaultRegistry registry;
    /** How long the checkout waits for the gateway before telling the shopper it did not answer. */
    @ConfigProperty(name = "storefront.checkout.gateway-timeout", defaultValue = "3S")
    Duration gatewayTimeout;

    /** payment-timeout: the gateway takes its time; past the checkout's budget the call fails with GatewayTimeout. */
    public void beforeAuthorization() {
        var slow = registry.active(Fault.PAYMENT_TIMEOUT);
        if (slow.isEmpty()) {
            return;
        }
        long delay = slow.get().severity();
        long budget = gatewayTimeout.toMillis();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(delay, budget));
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        if (delay >= budget) {
            throw new GatewayTimeout();
        }
    }

    /** payment-declining: this card payment is declined whatever the card. */
    public boolean declines() {
        return registry.active(Fault.PAYMENT_DECLINING).filter(s -> declines.hit(s.severity())).isPresent();
    }

    /** The payment gateway did not answer within the checkout's budget. */
    public static class GatewayTimeout extends RuntimeException {
        public GatewayTimeout() {
            super("The payment gateway did not answer in time", null, false, false);
        }
    }
}
