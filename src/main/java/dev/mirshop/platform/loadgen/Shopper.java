package dev.mirshop.platform.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One virtual shopper: its own cookies (cart, CSRF nonce), the links it has seen, one journey after another. Forms
 * are filled like a careful shopper fills them (hidden fields kept, the test card 4111 1111 1111 1111). The load
 * generator walks many of them at a shared rate; a test walks one {@link #alone alone} and calls its steps.
 */
public final class Shopper {

    static final List<String> WORDS = List.of("shirt", "mug", "bag", "cap", "hoodie", "tote", "sticker", "jacket",
            "socks", "poster", "red", "blue", "ruby", "spree", "zzz-no-such-thing");

    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final Random random;
    private final Clock clock;
    private final RateLimit rate;
    private final BooleanSupplier running;
    private final BiConsumer<Journey, Integer> record;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final List<String> products = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private Journey current = Journey.BROWSE;

    Shopper(String base, HttpClient http, Duration timeout, Random random, Clock clock, RateLimit rate,
            BooleanSupplier running, BiConsumer<Journey, Integer> record) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
        this.timeout = timeout;
        this.random = random;
        this.clock = clock;
        this.rate = rate;
        this.running = running;
        this.record = record;
    }

    /** The client the shoppers share: redirects are answers to count, not followed. */
    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One shopper on its own, as fast as the shop answers, counting nothing (a test's traffic). */
    public static Shopper alone(String base, Clock clock) {
        return new Shopper(base, client(), Duration.ofSeconds(30), new Random(), clock, new RateLimit(1_000_000),
                () -> true, (journey, status) -> { });
    }

    /** Walks one journey; every request answers a status (-1 when none came). */
    void walk() {
        current = products.isEmpty() ? Journey.BROWSE : Journey.pick(random);
        switch (current) {
            case BROWSE -> browse();
            case VIEW_CART -> get("/cart");
            case ADD_TO_CART -> addToCart();
            case CHECKOUT -> checkout();
            case SEARCH -> get("/products?keywords=" + WORDS.get(random.nextInt(WORDS.size())));
            case AD_CLICK -> adClick();
        }
    }

    private void browse() {
        page("/");
        if (!categories.isEmpty()) {
            page(any(categories));
        }
        if (!products.isEmpty()) {
            page(any(products));
        }
    }

    private boolean addToCart() {
        if (products.isEmpty()) {
            return false;
        }
        OptionalInt status = addToCart(any(products));
        return status.isPresent() && status.getAsInt() > 0 && status.getAsInt() < 400;
    }

    /** Adds one of this product to the cart: the answer's status, empty when the page has no add-to-cart form. */
    public OptionalInt addToCart(String productPath) {
        Element form = page(productPath).map(d -> d.selectFirst("form[action=/cart/add]")).orElse(null);
        if (form == null || form.selectFirst("[name=variant_id]") == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(submit(form, Map.of("quantity", "1")));
    }

    private void checkout() {
        if (addToCart()) {
            checkOut();
        }
    }

    /**
     * Walks the checkout with the cart as it is, as a guest: address, delivery, payment, confirm. Empty when every
     * step was submitted, else where and why this shopper stopped (a declined card, a timeout, an error), as a real
     * one would.
     */
    public Optional<String> checkOut() {
        for (String step : List.of("/checkout/address", "/checkout/delivery", "/checkout/payment", "/checkout/confirm")) {
            Element form = page(step).map(d -> d.selectFirst("form[method=post]:not([action=/logout]):not([action=/cart/add])"))
                    .orElse(null);
            if (form == null) {
                return Optional.of(step + " has no form");
            }
            int status = submit(form, Map.of());
            if (status < 0 || status >= 400) {
                return Optional.of(step + " answered " + status);
            }
        }
        return Optional.empty();
    }

    private void adClick() {
        adOnHomePage().ifPresent(this::get);
    }

    /** The link of the ad the home page shows now (the ad is decorative: a slow ad service leaves it out). */
    public Optional<String> adOnHomePage() {
        return page("/").map(d -> d.selectFirst("a[href^=/ads/]")).map(a -> a.attr("href"));
    }

    private String any(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** The status of a GET (-1 when no answer came). */
    public int get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false).map(HttpResponse::statusCode).orElse(-1);
    }

    /** The page, empty when it did not come or answered an error; its links are remembered for later journeys. */
    public Optional<Document> page(String path) {
        Optional<HttpResponse<String>> response = send(HttpRequest.newBuilder(uri(path)).GET(), true);
        if (response.isEmpty() || response.get().statusCode() >= 400) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(response.get().body(), base + path);
        remember(doc);
        return Optional.of(doc);
    }

    private void remember(Document doc) {
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("/products/") && !products.contains(href)) {
                products.add(href);
            } else if (href.startsWith("/t/") && !categories.contains(href)) {
                categories.add(href);
            }
        }
        while (products.size() > 200) {
            products.remove(random.nextInt(products.size()));
        }
        while (categories.size() > 50) {
            categories.remove(random.nextInt(categories.size()));
        }
    }

    /** Submits the form as a careful shopper fills it, these fields set as given: the answer's status (-1 when none). */
    public int submit(Element form, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (input.is("select")) {
                Optional.ofNullable(input.selectFirst("option[selected]")).or(() -> Optional.ofNullable(input.selectFirst("option")))
                        .ifPresent(o -> fields.putIfAbsent(name, o.hasAttr("value") ? o.attr("value") : o.text()));
            } else if (type.equals("radio") || type.equals("checkbox")) {
                if (input.hasAttr("checked") || !fields.containsKey(name)) {
                    fields.put(name, input.attr("value").isEmpty() ? "on" : input.attr("value"));
                }
            } else if (!input.attr("value").isEmpty()) {
                fields.putIfAbsent(name, input.attr("value"));
            } else {
                fields.putIfAbsent(name, plausible(name, type));
            }
        }
        fields.putAll(overrides);
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String action = form.attr("action").isEmpty() ? form.baseUri() : form.attr("action");
        String path = action.startsWith(base) ? action.substring(base.length()) : action;
        // what a browser says of a form on the shop's own page: the product page's forms carry no token for a visitor
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body.toString())), false)
                .map(HttpResponse::statusCode).orElse(-1);
    }

    private String plausible(String name, String type) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (type.equals("email") || n.contains("email")) {
            return "loadgen-" + Integer.toHexString(random.nextInt()) + "@example.com";
        }
        if (n.contains("card") && n.contains("number") || n.equals("number")) {
            return "4111111111111111";
        }
        if (n.contains("cvv") || n.contains("cvc") || n.contains("verification")) {
            return "123";
        }
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear() + 3;
        if (n.contains("month")) {
            return "12";
        }
        if (n.contains("year")) {
            return String.valueOf(year);
        }
        if (n.contains("expir")) {
            return "12/" + String.valueOf(year).substring(2);
        }
        if (n.contains("zip") || n.contains("postal")) {
            return "10001";
        }
        if (n.contains("phone")) {
            return "+12125550100";
        }
        if (n.contains("country")) {
            return "US";
        }
        if (n.contains("state") || n.contains("region")) {
            return "NY";
        }
        if (n.contains("quantity")) {
            return "1";
        }
        return "Load Shopper";
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Optional<HttpResponse<String>> send(HttpRequest.Builder request, boolean body) {
        if (!rate.acquire(running)) {
            return Optional.empty();
        }
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        request.header("Accept", "text/html").header("User-Agent", "mir-shop-loadgen").timeout(timeout);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq));
                    } else {
                        cookies.put(pair.substring(0, eq), value);
                    }
                }
            }
            record.accept(current, response.statusCode());
            return Optional.of(response);
        } catch (IOException e) {
            record.accept(current, -1);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
