package dev.mirshop.storefront.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Who may see an order: the account that placed it, or whoever holds its private link token. */
public final class OrderAccess {

    private OrderAccess() {
    }

    public static boolean allows(Order order, Optional<Long> accountId, String token) {
        if (order.accountId != null && accountId.isPresent() && order.accountId.equals(accountId.get())) {
            return true;
        }
        return token != null && tokenMatches(order.accessToken, token);
    }

    /** Constant-time, so response timing does not reveal how much of a guessed token was right. */
    static boolean tokenMatches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
