package dev.mirshop.storefront.order;

/** The result of placing an order: its number and the private token of the guest's link. */
public record PlacedOrder(String number, String accessToken) {

    public String link() {
        return "/orders/" + number + "?token=" + accessToken;
    }
}
