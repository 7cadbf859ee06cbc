package dev.mirshop.observability.vitals;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Core Web Vitals (and friends) the beacon reports, with what the browser sends (milliseconds, CLS
 * unitless), the largest value we believe, and the histogram buckets (in the recorded unit).
 */
public enum WebVital {
    LCP("lcp", true, 120_000, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 20),
    INP("inp", true, 60_000, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5),
    FCP("fcp", true, 120_000, 0.5, 1, 1.5, 1.8, 2.5, 3, 4, 6, 10, 20),
    TTFB("ttfb", true, 120_000, 0.1, 0.2, 0.4, 0.8, 1.2, 1.8, 3, 5, 10),
    CLS("cls", false, 100, 0.01, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5);

    private final String key;
    private final boolean milliseconds;
    private final double maxReported;
    private final double[] buckets;

    WebVital(String key, boolean milliseconds, double maxReported, double... buckets) {
        this.key = key;
        this.milliseconds = milliseconds;
        this.maxReported = maxReported;
        this.buckets = buckets;
    }

    public static Optional<WebVital> named(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }

    /** Micrometer name: shop.web.vitals.lcp with base unit seconds renders shop_web_vitals_lcp_seconds. */
    public String meterName() {
        return "shop.web.vitals." + key;
    }

    public String baseUnit() {
        return milliseconds ? "seconds" : null;
    }

    public boolean plausible(double reported) {
        return Double.isFinite(reported) && reported >= 0 && reported <= maxReported;
    }

    /** The value in the recorded unit: seconds for timings, as-is for CLS. */
    public double recorded(double reported) {
        return milliseconds ? reported / 1000.0 : reported;
    }

    double[] buckets() {
        return buckets.clone();
    }
}
