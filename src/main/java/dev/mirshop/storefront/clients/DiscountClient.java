package dev.mirshop.storefront.clients;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.mirshop.storefront.clients.DiscountsApi.CheckDto;
import dev.mirshop.storefront.clients.DiscountsApi.Item;
import dev.mirshop.storefront.clients.DiscountsApi.RedeemDto;
import dev.mirshop.storefront.clients.DiscountsApi.RedeemRequestDto;
import dev.mirshop.storefront.clients.DiscountsApi.TeaserDto;
import dev.mirshop.storefront.clients.DiscountsApi.ValidateDto;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The storefront's calls to the discount service. The teaser is decorative (150 ms, last good answer or none);
 * validating and redeeming a code are essential (a longer timeout, then a typed "unavailable" the page turns into
 * a message). No method throws.
 */
@ApplicationScoped
public class DiscountClient {

    private static final Logger LOG = Logger.getLogger(DiscountClient.class);

    @Inject
    @RestClient
    DiscountsApi api;

    @Inject
    dev.mirshop.observability.StorefrontMeters fallbacks;

    private final AtomicReference<Optional<TeaserView>> lastTeaser = new AtomicReference<>(Optional.empty());

    /** The discount to advertise, if any. */
    @Timeout(value = 70, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 0, jitter = 0)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = DiscountsApi.Refused.class)
    @CircuitBreakerName("discounts-teaser")
    @Fallback(fallbackMethod = "lastGoodTeaser", skipOn = DiscountsApi.Refused.class)
    public Optional<TeaserView> teaser() {
        Optional<TeaserView> answer;
        try {
            TeaserDto dto = api.teaser();
            answer = dto == null || dto.code() == null ? Optional.empty()
                    : Optional.of(new TeaserView(dto.code(), dto.name(), dto.headline()));
        } catch (DiscountsApi.Refused e) {
            answer = Optional.empty();
        }
        lastTeaser.set(answer);
        return answer;
    }

    Optional<TeaserView> lastGoodTeaser(Throwable failure) {
        fallbacks.dependencyFallback("discounts", "teaser");
        LOG.debugf("Discount service unavailable (%s); showing the last good teaser", failure.toString());
        return lastTeaser.get();
    }

    /**
     * Checks a code against a cart. {@code customerKey} identifies the shopper for per-customer limits (an email,
     * lower-cased by the service); null for an anonymous cart, whose per-customer limit is checked at redeem.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("discounts-validate")
    @Fallback(fallbackMethod = "validateUnavailable")
    public DiscountCheck validate(String code, BigDecimal orderTotal, String customerKey, List<CartItem> items) {
        if (code == null || code.isBlank()) {
            return DiscountCheck.rejected(code, "unknown", "Please enter a discount code.");
        }
        List<Item> lines = items == null ? List.of()
                : items.stream().map(i -> new Item(i.sku(), i.quantity(), i.unitPrice())).toList();
        CheckDto dto;
        try {
            dto = api.validate(new ValidateDto(code.trim(), orderTotal, customerKey, lines));
        } catch (DiscountsApi.Refused e) {
            // 404: this URL does not serve the discount API (misrouted); 400: the service refused the request
            return e.status == 404 ? DiscountCheck.unavailable(code)
                    : DiscountCheck.rejected(code, "unknown", "This code is not valid.");
        }
        if (dto.valid()) {
            return DiscountCheck.applied(dto.code(), dto.amount(), Boolean.TRUE.equals(dto.freeShipping()),
                    dto.message());
        }
        return DiscountCheck.rejected(code, dto.reason(), dto.message());
    }

    DiscountCheck validateUnavailable(String code, BigDecimal orderTotal, String customerKey, List<CartItem> items,
            Throwable failure) {
        fallbacks.dependencyFallback("discounts", "validate");
        LOG.warnf("Could not validate a discount code: %s", failure.toString());
        return DiscountCheck.unavailable(code);
    }

    /**
     * Redeems a code for an order, once: the service is idempotent by order number, so calling again after
     * UNAVAILABLE never counts the code twice. Only a REDEEMED answer lets the order claim the discount.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("discounts-redeem")
    @Fallback(fallbackMethod = "redeemUnavailable")
    public Redemption redeem(String code, String orderNumber, String customerKey, BigDecimal orderTotal) {
        RedeemDto dto;
        try {
            dto = api.redeem(new RedeemRequestDto(code, orderNumber, customerKey, orderTotal));
        } catch (DiscountsApi.Refused e) {
            return e.status == 404 ? Redemption.unavailable(orderNumber, code)
                    : Redemption.rejected(orderNumber, code, "unknown", "This code is not valid.");
        }
        if (dto.redeemed()) {
            return Redemption.redeemed(dto.orderNumber(), dto.code(), dto.amount(),
                    Boolean.TRUE.equals(dto.freeShipping()));
        }
        return Redemption.rejected(orderNumber, code, dto.reason(), dto.message());
    }

    Redemption redeemUnavailable(String code, String orderNumber, String customerKey, BigDecimal orderTotal,
            Throwable failure) {
        fallbacks.dependencyFallback("discounts", "redeem");
        LOG.warnf("Could not redeem a discount code for order %s: %s", orderNumber, failure.toString());
        return Redemption.unavailable(orderNumber, code);
    }

    /**
     * Gives back the code an order redeemed when the order could not be placed after all (stock ran out). Idempotent
     * on the service's side, so it is retried; false when the service could not be reached (the code stays counted,
     * and the warning in the log names the order).
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("discounts-release")
    @Fallback(fallbackMethod = "releaseUnavailable")
    public boolean release(String orderNumber) {
        api.release(new DiscountsApi.ReleaseRequestDto(orderNumber));
        return true;
    }

    boolean releaseUnavailable(String orderNumber, Throwable failure) {
        fallbacks.dependencyFallback("discounts", "release");
        LOG.warnf("Could not release the discount redeemed for order %s, which was not placed: %s", orderNumber,
                failure.toString());
        return false;
    }

    /** A cart line as the discount service sees it. */
    public record CartItem(String sku, Integer quantity, BigDecimal unitPrice) {
    }

    void forget() {
        lastTeaser.set(Optional.empty());
    }
}
