package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.mirshop.testing.Chromium;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * In Debian's chromium: with RUM configured, the page initialises DD_RUM with the configured options (the SDK
 * from Datadog's CDN is answered by a local stub that records them), RUM actions fire for add-to-cart, and the
 * web-vitals beacon reaches /rum/vitals and moves the histogram. No browser is ever downloaded.
 */
@QuarkusTest
@TestProfile(RumEnabledProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RumBrowserTest {

    /** Stands in for datadog-rum.js: replaces the async stub, runs the queued onReady callbacks, records calls. */
    static final String SDK_STUB = """
            (function () {
              var queued = (window.DD_RUM && window.DD_RUM.q) || [];
              var rum = {
                initOptions: null, actions: [],
                init: function (options) { this.initOptions = options; },
                addAction: function (name, context) { this.actions.push({ name: name, context: context }); },
                onReady: function (callback) { callback(); }
              };
              window.DD_RUM = rum;
              queued.forEach(function (callback) { callback(); });
            })();
            """;

    @TestHTTPResource("/")
    java.net.URL home;

    private Chromium chromium;

    private Browser browser() {
        if (chromium == null) {
            chromium = Chromium.launch();
        }
        return chromium.browser();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page newPage(List<String> sdkRequests) {
        BrowserContext context = browser().newContext();
        context.route("https://www.datadoghq-browser-agent.com/**", route -> {
            sdkRequests.add(route.request().url());
            route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(200)
                    .setContentType("application/javascript").setBody(SDK_STUB));
        });
        Page page = context.newPage();
        page.onRequestFailed(r -> System.out.println("[browser] request failed: " + r.url() + " " + r.failure()));
        page.onRequest(r -> {
            if (r.url().contains("/rum/vitals")) {
                System.out.println("[browser] beacon " + r.method() + " " + r.postData());
            }
        });
        page.onConsoleMessage(m -> System.out.println("[browser console] " + m.text()));
        return page;
    }

    @Test
    void ddRumIsInitialisedWithTheConfiguredOptions() {
        List<String> sdkRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
        Page page = newPage(sdkRequests);
        page.navigate(origin() + "/");
        page.waitForFunction("() => window.DD_RUM && window.DD_RUM.initOptions !== undefined && window.DD_RUM.initOptions !== null");

        assertThat(sdkRequests).containsExactly("https://www.datadoghq-browser-agent.com/eu1/v6/datadog-rum.js");
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) page.evaluate("() => JSON.parse(JSON.stringify(window.DD_RUM.initOptions))");
        assertThat(options).containsEntry("applicationId", RumEnabledProfile.APPLICATION_ID)
                .containsEntry("clientToken", RumEnabledProfile.CLIENT_TOKEN)
                .containsEntry("site", "datadoghq.eu")
                .containsEntry("service", RumEnabledProfile.SERVICE)
                .containsEntry("env", "rum-test")
                .containsEntry("version", RumEnabledProfile.VERSION)
                .containsEntry("trackUserInteractions", true)
                .containsEntry("trackResources", true)
                .containsEntry("trackLongTasks", true)
                .containsEntry("defaultPrivacyLevel", "mask-user-input")
                .containsEntry("proxy", RumEnabledProfile.PROXY);
        assertThat(((Number) options.get("sessionSampleRate")).doubleValue()).isEqualTo(42);
        assertThat(((Number) options.get("sessionReplaySampleRate")).doubleValue()).isEqualTo(7);
        assertThat(options.get("allowedTracingUrls")).isEqualTo(List.of(Map.of("match", origin(), "propagatorTypes", List.of("tracecontext"))));
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        page.context().close();
    }

    @Test
    void addToCartBecomesARumAction() {
        Page page = newPage(new java.util.concurrent.CopyOnWriteArrayList<>());
        page.navigate(origin() + "/");
        page.waitForFunction("() => window.DD_RUM && window.DD_RUM.initOptions");
        page.evaluate("""
                () => {
                  const form = document.createElement('form');
                  form.method = 'post';
                  form.action = '/cart/add';
                  form.innerHTML = '<input name="variant_id" value="42"><input name="quantity" value="2">';
                  form.addEventListener('submit', e => e.preventDefault());
                  document.body.appendChild(form);
                  form.requestSubmit();
                }
                """);
        Object action = page.evaluate("() => JSON.parse(JSON.stringify(window.DD_RUM.actions[0] || null))");
        assertThat(action).isEqualTo(Map.of("name", "add-to-cart", "context", Map.of("variant_id", "42", "quantity", "2", "page", "home")));
        page.context().close();
    }

    @Test
    void webVitalsFromTheBrowserMoveTheHistogram() {
        double ttfbBefore = WebVitalsBeaconTest.count("shop_web_vitals_ttfb_seconds_count", "home");
        double fcpBefore = WebVitalsBeaconTest.count("shop_web_vitals_fcp_seconds_count", "home");
        double lcpBefore = WebVitalsBeaconTest.count("shop_web_vitals_lcp_seconds_count", "home");
        Page page = newPage(new java.util.concurrent.CopyOnWriteArrayList<>());
        page.navigate(origin() + "/");
        page.waitForFunction("() => performance.getEntriesByName('first-contentful-paint').length > 0");
        page.mouse().click(5, 5);
        page.waitForTimeout(300);
        // The shopper switches tabs: the page becomes hidden, web-vitals finalises LCP/CLS and the beacon goes out.
        page.evaluate("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });"
                + " document.dispatchEvent(new Event('visibilitychange')); }");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(WebVitalsBeaconTest.count("shop_web_vitals_ttfb_seconds_count", "home")).isGreaterThan(ttfbBefore);
            assertThat(WebVitalsBeaconTest.count("shop_web_vitals_fcp_seconds_count", "home")).isGreaterThan(fcpBefore);
            assertThat(WebVitalsBeaconTest.count("shop_web_vitals_lcp_seconds_count", "home")).isGreaterThan(lcpBefore);
        });
        page.context().close();
    }

    private String origin() {
        String url = home.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
