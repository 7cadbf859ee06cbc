package dev.mirshop.observability;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;

import io.micrometer.core.instrument.Counter;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The storefront's business meters, declared in one place. The names are a contract with dashboards and
 * alerts (docs/metrics.md): shop_orders_placed_total, shop_revenue_total, shop_items_sold_total,
 * shop_cart_additions_total, shop_checkout_step_total, shop_payment_declines_total.
 */
@Startup
@ApplicationScoped
public class StorefrontMeters {

    /** Checkout steps in funnel order. */
    public static final List<String> CHECKOUT_STEPS = List.of("address", "delivery", "payment", "confirm", "complete");
    public static final Set<String> PAYMENT_METHODS = Set.of("card", "pay_on_delivery");

    @Inject
    MeterRegistry registry;
    @Inject
    ShopConfig shop;
    @Inject
    ShopCurrency currency;

    @PostConstruct
    void registerSeriesAtZero() {
        if (!shop.role().serves(ShopRole.storefront)) {
            return; // only storefront processes count these events
        }
        for (String method : PAYMENT_METHODS) {
            ordersPlaced(method);
        }
        ordersPlaced(MeterLabels.OTHER);
        revenue(currency.code());
        itemsSold();
        cartAdditions();
        paymentDeclines();
        CHECKOUT_STEPS.forEach(this::checkoutSteps);
        fallbacks("ads", "select");
        fallbacks("discounts", "teaser");
        fallbacks("discounts", "validate");
        fallbacks("discounts", "redeem");
        adDrawsUnshown();
    }

    /** A shopper added a variant to the cart (one action, whatever the quantity). */
    public void cartAddition() {
        cartAdditions().increment();
    }

    /** A shopper reached a checkout step: address, delivery, payment, confirm or complete. */
    public void checkoutStep(String step) {
        checkoutSteps(MeterLabels.oneOf(step, Set.copyOf(CHECKOUT_STEPS))).increment();
    }

    /** An order was placed: counts it, its revenue (in its currency) and its items. */
    public void orderPlaced(String paymentMethod, BigDecimal total, String currencyCode, int items) {
        ordersPlaced(MeterLabels.oneOf(paymentMethod, PAYMENT_METHODS)).increment();
        if (total != null && total.signum() > 0) {
            revenue(currencyLabel(currencyCode)).increment(total.doubleValue());
        }
        if (items > 0) {
            itemsSold().increment(items);
        }
    }

    /** A call to another service (ads, discounts) failed and the page used its fallback instead. */
    public void dependencyFallback(String service, String call) {
        fallbacks(service, call).increment();
    }

    /**
     * Ad draws the storefront fetched (so the ad service counted them as impressions) and dropped unshown: they
     * expired before a page view took them (storefront.clients.AdDraws).
     */
    public void adDrawsUnshown(int draws) {
        adDrawsUnshown().increment(draws);
    }

    private Counter adDrawsUnshown() {
        return Counter.builder("shop.dependency.unshown.ad.draws")
                .description("Ad draws fetched from the ad service (counted there as impressions) that no page showed")
                .register(registry);
    }

    private Counter fallbacks(String service, String call) {
        return Counter.builder("shop.dependency.fallbacks").description("Calls to another service answered by the fallback")
                .tag("service_called", service).tag("call", call).register(registry);
    }

    /** The payment gateway declined a card. */
    public void paymentDeclined() {
        paymentDeclines().increment();
    }

    private String currencyLabel(String code) {
        return code != null && code.matches("[A-Za-z]{3}") ? code.toUpperCase(java.util.Locale.ROOT) : MeterLabels.OTHER;
    }

    private Counter ordersPlaced(String paymentMethod) {
        return Counter.builder("shop.orders.placed").description("Orders placed")
                .tag("payment_method", paymentMethod).register(registry);
    }

    private Counter revenue(String currencyCode) {
        return Counter.builder("shop.revenue").description("Revenue of placed orders, in the order's currency")
                .tag("currency", currencyCode).register(registry);
    }

    private Counter itemsSold() {
        return Counter.builder("shop.items.sold").description("Units sold in placed orders").register(registry);
    }

    private Counter cartAdditions() {
        return Counter.builder("shop.cart.additions").description("Add-to-cart actions").register(registry);
    }

    private Counter checkoutSteps(String step) {
        return Counter.builder("shop.checkout.step").description("Checkout steps reached (the funnel)")
                .tag("step", step).register(registry);
    }

    private Counter paymentDeclines() {
        return Counter.builder("shop.payment.declines").description("Card payments declined by the gateway")
                .register(registry);
    }
}
