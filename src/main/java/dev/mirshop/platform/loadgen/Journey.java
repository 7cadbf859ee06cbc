package dev.mirshop.platform.loadgen;

import java.util.List;
import java.util.Random;

/**
 * The shopper journeys and their weights, after Online Boutique's load generator: browse 10, view cart 3, add to
 * cart 2, checkout 1, plus search 2 and an ad click 1.
 */
public enum Journey {
    BROWSE("browse", 10), VIEW_CART("view-cart", 3), ADD_TO_CART("add-to-cart", 2), CHECKOUT("checkout", 1),
    SEARCH("search", 2), AD_CLICK("ad-click", 1);

    public final String id;
    public final int weight;

    Journey(String id, int weight) {
        this.id = id;
        this.weight = weight;
    }

    static final List<Journey> ALL = List.of(values());
    static final int TOTAL = ALL.stream().mapToInt(j -> j.weight).sum();

    static Journey pick(Random random) {
        int n = random.nextInt(TOTAL);
        for (Journey j : ALL) {
            n -= j.weight;
            if (n < 0) {
                return j;
            }
        }
        return BROWSE;
    }
}
