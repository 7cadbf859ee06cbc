package dev.mirshop.storefront.mail;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of /q/metrics, summed over the series whose labels contain every given {@code label="value"}. */
public final class Metrics {

    private Metrics() {
    }

    public static double value(String name, String... labels) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            String series = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= series.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
