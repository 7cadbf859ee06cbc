package dev.mirshop.discounts;

/** How a code takes money off: a percentage of the order, a fixed amount, or the shipping. */
public enum DiscountKind {
    percent, fixed, free_shipping
}
