package dev.mirshop.storefront.checkout;

import java.util.Arrays;
import java.util.List;

/** The "Address › Delivery › Payment › Confirm" bar: steps already reachable are links, the current one is marked. */
public record StepIndicator(List<Item> items) {

    public record Item(int number, String label, String href, boolean current, boolean done, boolean reachable) {
    }

    public static StepIndicator of(Step current, Step firstIncomplete) {
        return new StepIndicator(Arrays.stream(Step.values())
                .map(s -> new Item(s.ordinal() + 1, s.label(), s.path(), s == current,
                        s.ordinal() < firstIncomplete.ordinal() && s != current,
                        s.ordinal() <= firstIncomplete.ordinal() && s != current))
                .toList());
    }
}
