package dev.mirshop.discounts.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mirshop.discounts.DiscountCode;
import dev.mirshop.discounts.DiscountKind;
import dev.mirshop.discounts.DiscountRules;
import dev.mirshop.discounts.DiscountRules.Verdict;
import dev.mirshop.discounts.RejectionReason;
import dev.mirshop.discounts.Redemption;
import dev.mirshop.discounts.rest.DiscountApi.DiscountForm;
import dev.mirshop.discounts.rest.DiscountApi.RedeemRequest;
import dev.mirshop.discounts.rest.DiscountApi.RedeemResponse;
import dev.mirshop.discounts.rest.DiscountApi.WorkshopDiscount;
import dev.mirshop.discounts.rest.DiscountApi.WorkshopDiscountType;
import dev.mirshop.platform.errors.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiscountService {

    @Inject
    Clock clock;

    @Inject
    dev.mirshop.observability.DiscountMeters discountMeters;

    public List<DiscountCode> live() {
        return DiscountCode.live(clock.instant());
    }

    /** The code the shop advertises: the biggest percentage first, then the biggest fixed amount. */
    public Optional<DiscountCode> teaser() {
        return live().stream()
                .min(Comparator.comparing((DiscountCode c) -> c.kind.ordinal())
                        .thenComparing(c -> c.value, Comparator.reverseOrder())
                        .thenComparing(c -> c.id));
    }

    public List<DiscountCode> all() {
        return DiscountCode.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    public DiscountCode get(long id) {
        DiscountCode code = DiscountCode.findById(id);
        if (code == null) {
            throw new NotFoundException("No discount code " + id);
        }
        return code;
    }

    public record Validation(DiscountCode code, Verdict verdict) {
    }

    public Validation validate(String code, BigDecimal orderTotal, String customer) {
        Optional<DiscountCode> found = DiscountCode.findByCode(code);
        String customerKey = customerKey(customer);
        long uses = found.isPresent() && customerKey != null ? Redemption.countFor(found.get().id, customerKey) : -1;
        DiscountRules.Verdict verdict = DiscountRules.check(found.orElse(null), orderTotal, clock.instant(), uses);
        discountMeters.discountValidated(verdict.applies() ? "valid" : verdict.reason().name());
        return new Validation(found.orElse(null), verdict);
    }

    /**
     * Redeems a code for an order, once: a retry with the same order number returns the first answer. The code's
     * row is locked for the duration, so concurrent redemptions never exceed its limits.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public RedeemResponse redeem(RedeemRequest request) {
        Optional<Redemption> earlier = Redemption.findByOrderNumber(request.orderNumber());
        if (earlier.isPresent()) {
            return redeemed(earlier.get());
        }
        Optional<DiscountCode> locked = DiscountCode.findByCodeForUpdate(request.code());
        if (locked.isEmpty()) {
            return rejected(request, RejectionReason.unknown);
        }
        // a concurrent retry of the same order may have committed while this one waited for the lock
        earlier = Redemption.findByOrderNumber(request.orderNumber());
        if (earlier.isPresent()) {
            return redeemed(earlier.get());
        }
        DiscountCode code = locked.get();
        String customerKey = customerKey(request.customer());
        Verdict verdict = DiscountRules.check(code, request.orderTotal(), clock.instant(),
                Redemption.countFor(code.id, customerKey));
        if (!verdict.applies()) {
            return rejected(request, verdict.reason());
        }
        Redemption redemption = new Redemption();
        redemption.discountCodeId = code.id;
        redemption.orderNumber = request.orderNumber();
        redemption.customerKey = customerKey;
        redemption.orderTotal = request.orderTotal();
        redemption.amount = verdict.amount();
        redemption.redeemedAt = clock.instant();
        redemption.persist();
        code.timesUsed++;
        discountMeters.discountRedeemed();
        return new RedeemResponse(true, redemption.orderNumber, code.code, code.kind, redemption.amount,
                code.kind == DiscountKind.free_shipping, null, null);
    }

    /**
     * Releases the redemption of an order that was not placed: the redemption is removed and the code's use count
     * goes down, under the code's row lock (the same lock redeeming takes). True when something was released.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean release(String orderNumber) {
        Optional<Redemption> redemption = Redemption.findByOrderNumber(orderNumber);
        if (redemption.isEmpty()) {
            return false;
        }
        DiscountCode code = DiscountCode.<DiscountCode>find("id", redemption.get().discountCodeId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        // a concurrent release may have removed it while this one waited for the lock
        long removed = Redemption.delete("orderNumber", orderNumber);
        if (removed == 0) {
            return false;
        }
        code.timesUsed = Math.max(0, code.timesUsed - 1);
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public DiscountCode create(DiscountForm form) {
        checkConsistent(form);
        if (DiscountCode.findByCode(form.code()).isPresent()) {
            throw duplicate(form.code());
        }
        DiscountCode code = new DiscountCode();
        apply(form, code);
        code.createdAt = clock.instant();
        code.persist();
        return code;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public DiscountCode update(long id, DiscountForm form) {
        DiscountCode code = get(id);
        checkConsistent(form);
        Optional<DiscountCode> sameCode = DiscountCode.findByCode(form.code());
        if (sameCode.isPresent() && !sameCode.get().id.equals(id)) {
            throw duplicate(form.code());
        }
        apply(form, code);
        return code;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public DiscountCode deactivate(long id) {
        DiscountCode code = get(id);
        code.active = false;
        return code;
    }

    /** The original workshop's list, with each code's type, in one query. */
    @SuppressWarnings("unchecked")
    public List<WorkshopDiscount> workshopList() {
        List<Object[]> rows = DiscountCode.getEntityManager().createNativeQuery(
                "SELECT c.id, c.name, c.code, c.value, t.id AS type_id, t.name AS type_name, t.discount_query"
                        + " FROM discount_codes c JOIN discount_types t ON t.name = c.kind"
                        + " WHERE c.active ORDER BY c.id")
                .getResultList();
        return rows.stream().map(r -> new WorkshopDiscount(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], WorkshopDiscount.wholeValue((BigDecimal) r[3]),
                new WorkshopDiscountType(((Number) r[4]).longValue(), (String) r[5], (String) r[6]))).toList();
    }

    private static void apply(DiscountForm form, DiscountCode code) {
        code.name = form.name().trim();
        code.code = form.code().trim();
        code.kind = form.kind();
        code.value = form.kind() == DiscountKind.free_shipping ? BigDecimal.ZERO : form.value();
        code.minimumOrderTotal = form.minimumOrderTotal() == null ? BigDecimal.ZERO : form.minimumOrderTotal();
        code.startsAt = form.startsAt();
        code.endsAt = form.endsAt();
        code.usageLimit = form.usageLimit();
        code.perCustomerLimit = form.perCustomerLimit();
        code.active = form.active() == null || form.active();
    }

    private static void checkConsistent(DiscountForm form) {
        if (form.startsAt() != null && form.endsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
            throw invalid("endsAt", "must be after startsAt");
        }
        if (form.kind() == DiscountKind.percent && form.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid("value", "a percentage cannot exceed 100");
        }
        if (form.kind() != DiscountKind.free_shipping && form.value().signum() == 0) {
            throw invalid("value", "must be greater than 0");
        }
    }

    private static WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Problem.of(400, "Bad Request", "The discount is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse());
    }

    private static WebApplicationException duplicate(String code) {
        return new WebApplicationException(Problem.of(409, "Conflict", "The code " + code + " already exists")
                .withErrors(List.of(new Problem.FieldError("code", "already exists"))).toResponse());
    }

    private static RedeemResponse redeemed(Redemption r) {
        DiscountCode code = DiscountCode.findById(r.discountCodeId);
        return new RedeemResponse(true, r.orderNumber, code.code, code.kind, r.amount,
                code.kind == DiscountKind.free_shipping, null, null);
    }

    private static RedeemResponse rejected(RedeemRequest request, RejectionReason reason) {
        return new RedeemResponse(false, request.orderNumber(), request.code(), null, null, null, reason,
                reason.message);
    }

    static String customerKey(String customer) {
        return customer == null || customer.isBlank() ? null : customer.trim().toLowerCase(Locale.ROOT);
    }
}
