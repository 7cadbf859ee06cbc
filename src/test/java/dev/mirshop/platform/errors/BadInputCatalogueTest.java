package dev.mirshop.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mirshop.testing.Browser;
import dev.mirshop.testing.RawHttp;
import dev.mirshop.testing.RawHttp.Answer;
import dev.mirshop.testing.SendsServiceToken;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13, point 9 and "what to deliver": the catalogue of bad input. Every request here is something a clumsy
 * user, a broken client or an attacker sends; every one gets a 2xx or 4xx (never a 5xx), never a stack trace,
 * problem JSON from every API and an HTML page (UTF-8, with the pages' Content-Security-Policy) for shoppers.
 * Forms are sent with a valid CSRF token, so each case reaches the code it aims at. Requests are written by hand
 * ({@link RawHttp}) because clients refuse to send most of them.
 */
@QuarkusTest
class BadInputCatalogueTest {

    static final String TOKEN = "Authorization: Bearer " + SendsServiceToken.TEST_TOKEN + "\r\n";
    static final String JSON = "Content-Type: application/json\r\n";
    static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static String cookies;
    private static String csrf;

    /** One bad request: its name, the request head after the request line, its body, and whether it is an API's. */
    record Case(String name, String method, String target, String headers, byte[] body, boolean api) {
        @Override
        public String toString() {
            return name;
        }

        byte[] bytes() {
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                    .replace("{cookies}", cookies).replace("{csrf}", csrf)
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            byte[] h = head.getBytes(StandardCharsets.UTF_8);
            byte[] b = body == null ? new byte[0] : new String(body, StandardCharsets.ISO_8859_1)
                    .replace("{csrf}", csrf).getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + b.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(b, 0, all, h.length, b.length);
            // the declared length must match the body after the token is filled in
            return body == null ? all : new String(all, StandardCharsets.ISO_8859_1)
                    .replace("Content-Length: " + body.length + "\r\n", "Content-Length: " + b.length + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    static synchronized void aBrowserWithACsrfToken() {
        if (csrf != null) {
            return;
        }
        Browser browser = new Browser();
        browser.headers.put("X-Forwarded-For", "192.0.2.200"); // its own client address for the login throttle
        csrf = browser.csrfToken();
        StringBuilder c = new StringBuilder();
        browser.cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        cookies = c.toString();
    }

    static Case get(String name, String target) {
        return new Case(name, "GET", target, "Accept: text/html\r\n", null, target.startsWith("/api/"));
    }

    static Case getApi(String name, String target, String headers) {
        return new Case(name, "GET", target, headers, null, true);
    }

    static Case page(String name, String path, String form) {
        return new Case(name, "POST", path, FORM + "Accept: text/html\r\nCookie: {cookies}\r\nX-Forwarded-For: 192.0.2.200\r\n",
                ("csrf-token={csrf}&" + form).getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static Case api(String name, String method, String path, String headers, String body) {
        return new Case(name, method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), true);
    }

    static Stream<Case> catalogue() {
        List<Case> c = new ArrayList<>();
        // --- query strings and paths of shopper pages
        c.add(get("search NUL", "/products?keywords=%00"));
        c.add(get("search NUL inside", "/products?keywords=shirt%00drop"));
        c.add(get("search invalid UTF-8", "/products?keywords=%C3%28"));
        c.add(get("search overlong UTF-8", "/products?keywords=%C0%AF"));
        c.add(get("search script", "/products?keywords=%3Cscript%3Ealert(1)%3C/script%3E"));
        c.add(get("search SQL", "/products?keywords=%27%20or%201%3D1--"));
        c.add(get("search tsquery syntax", "/products?keywords=a%20%26%20%21%20%7C%20(b"));
        c.add(get("search 3000 chars", "/products?keywords=" + "a".repeat(3000)));
        c.add(get("search CRLF", "/products?keywords=%0D%0ASet-Cookie:%20x=1"));
        c.add(get("search control char", "/products?keywords=%07"));
        c.add(get("search DEL", "/products?keywords=%7F"));
        c.add(get("search emoji", "/products?keywords=%F0%9F%91%95"));
        c.add(get("search lone surrogate", "/products?keywords=%ED%A0%80"));
        c.add(get("page negative", "/products?page=-1"));
        c.add(get("page text", "/products?page=abc"));
        c.add(get("page huge", "/products?page=99999999999999999999"));
        c.add(get("sort unknown", "/products?sort=price;drop"));
        c.add(get("per_page huge", "/products?per_page=100000"));
        c.add(get("repeated parameter", "/products?keywords=a&keywords=b&keywords=c"));
        c.add(get("taxon NUL", "/t/categories/%00"));
        c.add(get("taxon traversal", "/t/..%2F..%2Fetc%2Fpasswd"));
        c.add(get("taxon unknown", "/t/categories/no-such-thing"));
        c.add(get("product NUL", "/products/%00"));
        c.add(get("product quote", "/products/x'%20or%201=1--"));
        c.add(get("product 300 chars", "/products/" + "x".repeat(300)));
        c.add(get("product variant text", "/products/oxford-button-down-shirt?variant=abc"));
        c.add(get("product variant huge", "/products/oxford-button-down-shirt?variant=99999999999999999999"));
        c.add(get("order malformed", "/orders/%3Cscript%3E"));
        c.add(get("order NUL token", "/orders/R000000001?token=%00"));
        c.add(get("order long token", "/orders/R000000001?token=" + "t".repeat(500)));
        c.add(get("login return NUL", "/login?return=%00"));
        c.add(get("login return other site", "/login?return=//evil.example"));
        c.add(get("signup return javascript", "/signup?return=javascript:alert(1)"));
        c.add(get("admin with NUL", "/admin?x=%00"));
        c.add(get("cart with NUL parameter", "/cart?x=%00"));
        c.add(get("unknown page", "/no/such/page"));
        c.add(get("double slashes", "//products//"));
        c.add(get("path 5000 chars", "/products/" + "y".repeat(5000)));
        c.add(get("encoded slash in product", "/products/a%2Fb"));
        c.add(get("matrix parameters", "/products;jsessionid=1"));
        c.add(get("banner unknown", "/banners/no-such-banner.svg"));
        c.add(get("banner bad hash", "/banners/1/zzzz.svg"));
        c.add(get("ad click text id", "/ads/abc/click"));
        c.add(get("ad click huge id", "/ads/99999999999999999999/click"));
        c.add(get("weighted banner text", "/weighted-banners/abc"));
        c.add(get("discount workshop query", "/discount?x=%00"));
        // --- headers
        c.add(new Case("Accept garbage on a page", "GET", "/products", "Accept: garbage/;;;\r\n", null, false));
        c.add(new Case("Accept garbage on an API", "GET", "/api/discounts", "Accept: garbage/;;;\r\n", null, true));
        c.add(new Case("Accept XML on an API", "GET", "/api/discounts", "Accept: application/xml\r\n", null, true));
        c.add(new Case("Accept empty", "GET", "/", "Accept: \r\n", null, false));
        c.add(new Case("Accept-Language garbage", "GET", "/", "Accept-Language: ;;;===\r\n", null, false));
        c.add(new Case("session cookie garbage", "GET", "/account", "Cookie: mir_session=%00%00\r\n", null, false));
        c.add(new Case("session cookie too long", "GET", "/", "Cookie: mir_session=" + "s".repeat(4000) + "\r\n", null, false));
        c.add(new Case("cart cookie garbage", "GET", "/cart", "Cookie: mir_cart=<script>\r\n", null, false));
        c.add(new Case("csrf cookie garbage", "GET", "/login", "Cookie: mir_csrf=%%%\r\n", null, false));
        c.add(new Case("If-None-Match garbage", "GET", "/banners/summer-sale.svg", "If-None-Match: \"\u00ff\r\n", null, false));
        c.add(new Case("Range garbage", "GET", "/css/shop.css", "Range: bytes=zzz\r\n", null, false));
        c.add(new Case("X-Forwarded-For garbage", "GET", "/", "X-Forwarded-For: not-an-ip, <script>\r\n", null, false));
        c.add(new Case("X-Forwarded-Proto garbage", "GET", "/", "X-Forwarded-Proto: javascript\r\n", null, false));
        c.add(new Case("Origin null on a page GET", "GET", "/", "Origin: null\r\n", null, false));
        // --- forms with a valid token: what the form fields carry
        c.add(page("login email NUL", "/login", "email=a%00b%40example.com&password=x"));
        c.add(page("login password NUL", "/login", "email=nul%40example.com&password=a%00b"));
        c.add(page("login email 10k", "/login", "email=" + "e".repeat(10_000) + "&password=x"));
        c.add(page("login email script", "/login", "email=%3Cscript%3E&password=x"));
        c.add(page("login no fields", "/login", ""));
        c.add(page("login fields twice", "/login", "email=a%40b.c&email=d%40e.f&password=x&password=y"));
        c.add(page("login bad escape", "/login", "email=%ZZ&password=x"));
        c.add(page("login invalid UTF-8", "/login", "email=%C3%28&password=%FF"));
        c.add(page("login field name NUL", "/login", "em%00ail=a&password=x"));
        c.add(page("login return other site", "/login", "email=a%40b.c&password=x&return=https%3A%2F%2Fevil.example"));
        c.add(page("login 1001 fields", "/login", "email=a%40b.c&password=x" + "&f=1".repeat(1001)));
        c.add(page("signup name NUL", "/signup", "name=A%00&email=nul1%40example.com&password=tall-violet-kettle-19&password_confirmation=tall-violet-kettle-19"));
        c.add(page("signup email NUL", "/signup", "name=A&email=nul2%00%40example.com&password=tall-violet-kettle-19&password_confirmation=tall-violet-kettle-19"));
        c.add(page("signup name 10k", "/signup", "name=" + "n".repeat(10_000) + "&email=n%40example.com&password=x&password_confirmation=x"));
        c.add(page("signup password 1k", "/signup", "name=A&email=p%40example.com&password=" + "p".repeat(1000) + "&password_confirmation=x"));
        c.add(page("signup unicode name", "/signup", "name=%E2%80%AE%E2%80%8B&email=u%40example.com&password=x&password_confirmation=x"));
        c.add(page("add to cart variant text", "/cart/add", "variant_id=abc&quantity=1"));
        c.add(page("add to cart variant NUL", "/cart/add", "variant_id=1%00&quantity=1"));
        c.add(page("add to cart quantity negative", "/cart/add", "variant_id=1&quantity=-5"));
        c.add(page("add to cart quantity huge", "/cart/add", "variant_id=1&quantity=99999999999999999999"));
        c.add(page("add to cart unknown variant", "/cart/add", "variant_id=999999999&quantity=1"));
        c.add(page("add to cart nothing", "/cart/add", ""));
        c.add(page("coupon NUL", "/cart/coupon", "code=BIG%0050"));
        c.add(page("coupon 10k", "/cart/coupon", "code=" + "C".repeat(10_000)));
        c.add(page("coupon script", "/cart/coupon", "code=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"));
        c.add(page("coupon remove without cart", "/cart/coupon/remove", ""));
        c.add(page("checkout address NUL", "/checkout/address", "email=a%40b.c&name=A%00&line1=1&city=X&zip=12345&country=US"));
        c.add(page("checkout delivery unknown", "/checkout/delivery", "shipping_method=%00"));
        c.add(page("checkout payment garbage", "/checkout/payment", "payment_method=%00&card_number=x"));
        c.add(page("place order without cart", "/checkout/confirm", ""));
        c.add(page("account address anonymous", "/account/address", "address_name=%00"));
        c.add(page("logout anonymous", "/logout", ""));
        // --- forms: bodies and content types
        c.add(new Case("form body %ZZ", "POST", "/login", FORM + "Cookie: {cookies}\r\n",
                "csrf-token={csrf}&email=%ZZ%ZZ&password=%".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("form empty Content-Type", "POST", "/login", "Content-Type: \r\nCookie: {cookies}\r\n",
                "csrf-token={csrf}&email=a".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("form as text/plain", "POST", "/login", "Content-Type: text/plain\r\nCookie: {cookies}\r\n",
                "email=a".getBytes(StandardCharsets.ISO_8859_1), false));
        // a client that sends JSON is answered in JSON
        c.add(new Case("form as JSON", "POST", "/cart/add", JSON + "Cookie: {cookies}\r\n",
                "{\"variant_id\":1}".getBytes(StandardCharsets.ISO_8859_1), true));
        c.add(new Case("form bogus charset", "POST", "/login", "Content-Type: application/x-www-form-urlencoded; charset=bogus\r\nCookie: {cookies}\r\n",
                "csrf-token={csrf}&email=a".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("multipart without boundary", "POST", "/login", "Content-Type: multipart/form-data\r\nCookie: {cookies}\r\n",
                "garbage".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("multipart broken", "POST", "/login", "Content-Type: multipart/form-data; boundary=XX\r\nCookie: {cookies}\r\n",
                "--XX\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na\r\n--Y".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("POST without body", "POST", "/cart/add", "Cookie: {cookies}\r\n", null, false));
        c.add(new Case("POST with a wrong token", "POST", "/cart/add", FORM + "Cookie: {cookies}\r\n",
                "csrf-token=forged&variant_id=1&quantity=1".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("POST from another site", "POST", "/cart/add", FORM + "Origin: https://evil.example\r\nCookie: {cookies}\r\n",
                "csrf-token={csrf}&variant_id=1&quantity=1".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("PUT on a page", "PUT", "/cart", "Cookie: {cookies}\r\n", new byte[0], false));
        c.add(new Case("DELETE on a page", "DELETE", "/products", "", null, false));
        c.add(new Case("PATCH on login", "PATCH", "/login", FORM, "x=1".getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("OPTIONS on a page", "OPTIONS", "/products", "", null, false));
        c.add(new Case("HEAD on a page", "HEAD", "/login", "", null, false));
        c.add(new Case("form body too large", "POST", "/login", FORM + "Cookie: {cookies}\r\n",
                ("csrf-token={csrf}&email=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.ISO_8859_1), false));
        c.add(new Case("form attribute too large", "POST", "/login", FORM + "Cookie: {cookies}\r\n",
                ("csrf-token={csrf}&email=" + "a".repeat(20_000) + "&password=x").getBytes(StandardCharsets.ISO_8859_1), false));
        // --- the services' JSON APIs
        String validate = "/api/discounts/validate";
        c.add(api("validate empty Content-Type", "POST", validate, TOKEN + "Content-Type: \r\n", "{\"code\":\"BIG50\",\"orderTotal\":10}"));
        c.add(api("validate no Content-Type", "POST", validate, TOKEN, "{\"code\":\"BIG50\",\"orderTotal\":10}"));
        c.add(api("validate text/plain", "POST", validate, TOKEN + "Content-Type: text/plain\r\n", "{\"code\":\"BIG50\",\"orderTotal\":10}"));
        c.add(api("validate form body", "POST", validate, TOKEN + FORM, "code=BIG50"));
        c.add(api("validate malformed JSON", "POST", validate, TOKEN + JSON, "{\"code\":"));
        c.add(api("validate JSON array", "POST", validate, TOKEN + JSON, "[1,2,3]"));
        c.add(api("validate JSON null", "POST", validate, TOKEN + JSON, "null"));
        c.add(api("validate empty body", "POST", validate, TOKEN + JSON, ""));
        c.add(api("validate empty object", "POST", validate, TOKEN + JSON, "{}"));
        c.add(api("validate code NUL", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG\\u000050\",\"orderTotal\":10}"));
        c.add(api("validate code lone surrogate", "POST", validate, TOKEN + JSON, "{\"code\":\"\\ud800\",\"orderTotal\":10}"));
        c.add(api("validate code 41 chars", "POST", validate, TOKEN + JSON, "{\"code\":\"" + "C".repeat(41) + "\",\"orderTotal\":10}"));
        c.add(api("validate total text", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":\"abc\"}"));
        c.add(api("validate total negative", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":-1}"));
        c.add(api("validate total 1e309", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":1e309}"));
        c.add(api("validate total 1e100000", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":1e100000}"));
        c.add(api("validate total many digits", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":" + "9".repeat(2000) + "}"));
        c.add(api("validate deep nesting", "POST", validate, TOKEN + JSON, "{\"code\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        c.add(api("validate 201 items", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":10,\"items\":["
                + String.join(",", java.util.Collections.nCopies(201, "{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":1}")) + "]}"));
        c.add(api("validate unknown field", "POST", validate, TOKEN + JSON, "{\"code\":\"BIG50\",\"orderTotal\":10,\"admin\":true}"));
        c.add(api("validate invalid UTF-8 bytes", "POST", validate, TOKEN + JSON, "{\"code\":\"\u00ff\u00fe\",\"orderTotal\":10}"));
        c.add(api("validate without the token", "POST", validate, JSON, "{\"code\":\"BIG50\",\"orderTotal\":10}"));
        c.add(api("redeem malformed JSON", "POST", "/api/discounts/redeem", TOKEN + JSON, "{{"));
        c.add(api("redeem order number NUL", "POST", "/api/discounts/redeem", TOKEN + JSON,
                "{\"code\":\"BIG50\",\"orderNumber\":\"R\\u0000\",\"customer\":\"a\",\"orderTotal\":10}"));
        c.add(api("redeem customer NUL", "POST", "/api/discounts/redeem", TOKEN + JSON,
                "{\"code\":\"BIG50\",\"orderNumber\":\"R1\",\"customer\":\"a\\u0000\",\"orderTotal\":10}"));
        c.add(api("release NUL", "POST", "/api/discounts/release", TOKEN + JSON, "{\"orderNumber\":\"\\u0000\"}"));
        c.add(api("release empty", "POST", "/api/discounts/release", TOKEN + JSON, "{}"));
        c.add(api("create discount bad kind", "POST", "/api/discounts", TOKEN + JSON,
                "{\"name\":\"x\",\"code\":\"XYZ\",\"kind\":\"all\",\"value\":1}"));
        c.add(api("create discount name NUL", "POST", "/api/discounts", TOKEN + JSON,
                "{\"name\":\"x\\u0000\",\"code\":\"NULNAME\",\"kind\":\"fixed\",\"value\":1}"));
        c.add(api("create discount bad date", "POST", "/api/discounts", TOKEN + JSON,
                "{\"name\":\"x\",\"code\":\"BADDATE\",\"kind\":\"fixed\",\"value\":1,\"startsAt\":\"yesterday\"}"));
        c.add(api("update discount without body", "PUT", "/api/discounts/1", TOKEN + JSON, null));
        c.add(getApi("list with include bogus", "/api/discounts?include=bogus", TOKEN));
        c.add(getApi("list include all without the token", "/api/discounts?include=all", ""));
        c.add(getApi("discount text id", "/api/discounts/abc", TOKEN));
        c.add(getApi("discount huge id", "/api/discounts/99999999999999999999", TOKEN));
        c.add(getApi("discount unknown id", "/api/discounts/999999999", TOKEN));
        c.add(getApi("select count text", "/api/ads/select?count=abc", ""));
        c.add(getApi("select count zero", "/api/ads/select?count=0", ""));
        c.add(getApi("select count 11", "/api/ads/select?count=11", ""));
        c.add(getApi("select draws 101", "/api/ads/select?draws=101", ""));
        c.add(getApi("select draws text", "/api/ads/select?draws=abc", ""));
        c.add(getApi("select draws of several ads", "/api/ads/select?count=3&draws=3", ""));
        c.add(getApi("select context NUL", "/api/ads/select?context=%00", ""));
        c.add(getApi("select context 3000", "/api/ads/select?context=" + "c,".repeat(1500), ""));
        c.add(api("select with DELETE", "DELETE", "/api/ads/select", TOKEN, null));
        c.add(api("campaign malformed JSON", "POST", "/api/ads/admin/campaigns", TOKEN + JSON, "{\"name\""));
        c.add(api("campaign name NUL", "POST", "/api/ads/admin/campaigns", TOKEN + JSON, "{\"name\":\"a\\u0000\",\"priority\":1}"));
        c.add(api("campaign priority text", "POST", "/api/ads/admin/campaigns", TOKEN + JSON, "{\"name\":\"a\",\"priority\":\"high\"}"));
        c.add(api("campaign action unknown", "POST", "/api/ads/admin/campaigns/1/explode", TOKEN, null));
        c.add(api("ad upload base64 garbage", "POST", "/api/ads/admin/campaigns/1/ads", TOKEN + JSON,
                "{\"title\":\"t\",\"altText\":\"a\",\"targetPath\":\"/\",\"weight\":1,\"contentType\":\"image/svg+xml\",\"imageBase64\":\"%%%\"}"));
        c.add(getApi("preview campaign text", "/api/ads/admin/preview?campaign=abc", TOKEN));
        c.add(api("API body too large", "POST", validate, TOKEN + JSON, "{\"code\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        c.add(getApi("API address too long", "/api/discounts?x=" + "z".repeat(5000), ""));
        c.add(getApi("API unknown path", "/api/discounts/teaser/extra/parts", ""));
        c.add(api("web vitals not JSON", "POST", "/rum/vitals", "Content-Type: text/plain\r\n", "not json"));
        c.add(api("web vitals unknown page", "POST", "/rum/vitals", "Content-Type: text/plain\r\n",
                "{\"page\":\"<script>\",\"metrics\":[{\"name\":\"LCP\",\"value\":1}]}"));
        c.add(api("web vitals NaN", "POST", "/rum/vitals", "Content-Type: text/plain\r\n",
                "{\"page\":\"home\",\"metrics\":[{\"name\":\"LCP\",\"value\":NaN}]}"));
        return c.stream();
    }

    /**
     * A malformed percent-escape in the request line ({@code %ZZ}, a lone {@code %}) is refused by Quarkus' root
     * handler before any filter of ours (VertxHttpRecorder: java.net.URI validation): a 400 without a body. Still a
     * 4xx and no stack trace; the page is missing (docs/security.md, known gaps).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "/products?keywords=%ZZ", "/products?keywords=100%",
            "/checkout?%zz" })
    void aMalformedEscapeInTheAddressIsA400(String target) {
        Answer answer = RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception");
    }

    @Test
    void theCatalogueHasAtLeast120Cases() {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isAnsweredWithAClearErrorOrAPage(Case c) {
        aBrowserWithACsrfToken();
        Answer answer = RawHttp.send("127.0.0.1", c.bytes());
        assertThat(answer.status()).as(c.name() + ": " + answer.raw().substring(0, Math.min(400, answer.raw().length())))
                .isBetween(200, 499);
        assertThat(answer.body()).as(c.name()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContainPattern("at (io|java|dev|org)\\.[a-z]+\\.");
        String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type");
        if (answer.status() >= 400 && !c.method().equals("HEAD")) {
            if (c.api()) {
                assertThat(type).as(c.name() + " answers problem JSON").startsWith("application/problem+json");
                assertThat(answer.body()).contains("\"status\":" + answer.status());
            } else {
                assertThat(type).as(c.name() + " answers a page").startsWith("text/html").containsIgnoringCase("charset=UTF-8");
            }
        }
        if (type.startsWith("text/html")) {
            assertThat(type).as(c.name()).containsIgnoringCase("charset=UTF-8");
            assertThat(answer.header("Content-Security-Policy")).as(c.name()).contains("default-src 'self'");
        }
    }
}
