package dev.mirshop.storefront.catalog;

/** How a stock count reads to a shopper: in stock, only N left (at most {@link #LOW_THRESHOLD}), out of stock. */
public enum StockLevel {
    IN_STOCK("stock-ok"), LOW("stock-low"), OUT("stock-out");

    public static final int LOW_THRESHOLD = 3;

    public final String cssClass;

    StockLevel(String cssClass) {
        this.cssClass = cssClass;
    }

    public static StockLevel of(long stock) {
        if (stock <= 0) {
            return OUT;
        }
        return stock <= LOW_THRESHOLD ? LOW : IN_STOCK;
    }

    public static String label(long stock) {
        return switch (of(stock)) {
            case IN_STOCK -> "In stock";
            case LOW -> "Only " + stock + " left";
            case OUT -> "Out of stock";
        };
    }
}
