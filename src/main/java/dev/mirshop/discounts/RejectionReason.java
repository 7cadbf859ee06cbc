package dev.mirshop.discounts;

/** Why a code does not apply: machine-readable for the storefront, with the sentence a shopper reads. */
public enum RejectionReason {
    unknown("This code is not valid."),
    not_started("This code is not active yet."),
    expired("This code has expired."),
    minimum_not_met("Your order does not reach this code's minimum total yet."),
    exhausted("This code has been used up."),
    already_used("You have already used this code.");

    public final String message;

    RejectionReason(String message) {
        this.message = message;
    }
}
