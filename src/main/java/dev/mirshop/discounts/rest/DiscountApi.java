package dev.mirshop.discounts.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.mirshop.discounts.DiscountCode;
import dev.mirshop.discounts.DiscountKind;
import dev.mirshop.discounts.RejectionReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The JSON the discount service speaks. */
public final class DiscountApi {

    private DiscountApi() {
    }

    public record LineItem(@Size(max = 64) String sku, @PositiveOrZero Integer quantity,
            @DecimalMin("0") BigDecimal unitPrice) {
    }

    public record ValidateRequest(
            @NotBlank @Size(max = 40) String code,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal orderTotal,
            @Size(max = 254) String customer,
            @Size(max = 200) List<@Valid LineItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidateResponse(boolean valid, String code, DiscountKind kind, BigDecimal amount,
            Boolean freeShipping, RejectionReason reason, String message) {

        static ValidateResponse applied(DiscountCode c, BigDecimal amount) {
            return new ValidateResponse(true, c.code, c.kind, amount, c.kind == DiscountKind.free_shipping,
                    null, describe(c));
        }

        static ValidateResponse rejected(String code, RejectionReason reason) {
            return new ValidateResponse(false, code, null, null, null, reason, reason.message);
        }
    }

    public record RedeemRequest(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 64) String orderNumber,
            @NotBlank @Size(max = 254) String customer,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal orderTotal) {
    }

    /** Gives back the redemption of an order that was not placed after all (idempotent). */
    public record ReleaseRequest(@NotBlank @Size(max = 64) String orderNumber) {
    }

    /** {@code released}: a redemption was given back now; false when there was none (or it was given back before). */
    public record ReleaseResponse(String orderNumber, boolean released) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedeemResponse(boolean redeemed, String orderNumber, String code, DiscountKind kind,
            BigDecimal amount, Boolean freeShipping, RejectionReason reason, String message) {
    }

    /** What the marketer console sends to create or update a code. */
    public record DiscountForm(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,40}", message = "use 3 to 40 letters, digits, - or _") String code,
            @NotNull DiscountKind kind,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal value,
            @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal minimumOrderTotal,
            Instant startsAt,
            Instant endsAt,
            @Positive Integer usageLimit,
            @Positive Integer perCustomerLimit,
            Boolean active) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DiscountView(Long id, String name, String code, DiscountKind kind, BigDecimal value,
            BigDecimal minimumOrderTotal, Instant startsAt, Instant endsAt, Integer usageLimit,
            Integer perCustomerLimit, int timesUsed, boolean active, String headline) {

        public static DiscountView of(DiscountCode c) {
            return new DiscountView(c.id, c.name, c.code, c.kind, c.value, c.minimumOrderTotal, c.startsAt, c.endsAt,
                    c.usageLimit, c.perCustomerLimit, c.timesUsed, c.active, describe(c));
        }
    }

    /**
     * The original workshop's shape: GET /discount, keys sorted as Flask's jsonify writes them. Its value is an
     * Integer column: ours is rounded half up to a whole number, as PostgreSQL rounds the workshop's 5.1 to 5 (the
     * exact amount is in /api/discounts).
     */
    @JsonPropertyOrder(alphabetic = true)
    public record WorkshopDiscount(Long id, String name, String code, long value,
            @JsonProperty("discount_type") WorkshopDiscountType discountType) {

        public static long wholeValue(BigDecimal value) {
            return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
    }

    @JsonPropertyOrder(alphabetic = true)
    public record WorkshopDiscountType(Long id, String name, @JsonProperty("discount_query") String discountQuery) {
    }

    /** "20% off", "$5.00 off", "Free shipping", with the minimum when there is one. */
    static String describe(DiscountCode c) {
        String what = switch (c.kind) {
            case percent -> c.value.stripTrailingZeros().toPlainString() + "% off";
            case fixed -> "$" + c.value.setScale(2) + " off";
            case free_shipping -> "free shipping";
        };
        if (c.minimumOrderTotal != null && c.minimumOrderTotal.signum() > 0) {
            what += " on orders over $" + c.minimumOrderTotal.setScale(2);
        }
        return what;
    }
}
