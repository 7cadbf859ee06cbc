package dev.mirshop.storefront.order;

import java.util.List;

/** Some lines of the cart are no longer in stock in the quantity asked: the order is rolled back, the cart kept. */
public class OutOfStockException extends RuntimeException {
    private final List<String> messages;

    public OutOfStockException(List<String> messages) {
        super(String.join(" ", messages), null, false, false);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
