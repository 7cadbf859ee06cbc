package dev.mirshop.observability.e2e;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.mirshop.testing.Chromium;

/**
 * One shopper in Debian's chromium who opens one page again and again, each time in a fresh browser context (an empty
 * cache, as a new visitor's), waits until the ad banner is painted, and leaves the page: the shop's own web-vitals
 * script (js/shop-vitals.js) sends that visit's LCP to /rum/vitals, as a real browser does when its tab is hidden.
 * Playwright is not thread-safe: the browser lives and dies in this shopper's own thread.
 */
public final class BrowsingShopper implements AutoCloseable {

    private final String url;
    private final Thread thread;
    private volatile boolean stopping;
    /** Visits that painted the banner and sent their beacon. */
    public final AtomicInteger beacons = new AtomicInteger();
    /** Visits without a banner or without a beacon (the next visit tries again). */
    public final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("none");
    private final AtomicReference<String> lastLcp = new AtomicReference<>("none");

    private BrowsingShopper(String url) {
        this.url = url;
        this.thread = new Thread(this::browse, "browsing-shopper");
        this.thread.setDaemon(true);
    }

    /** Starts browsing {@code url} (a page with an ad slot: the home page) until {@link #close()}. */
    public static BrowsingShopper start(String url) {
        BrowsingShopper shopper = new BrowsingShopper(url);
        shopper.thread.start();
        return shopper;
    }

    private void browse() {
        try (Chromium chromium = Chromium.launch()) {
            while (!stopping) {
                // a desktop window in which the banner under the hero is the page's largest element
                try (BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1280, 1000))) {
                    visit(context.newPage());
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    lastFailure.set(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (RuntimeException e) {
            lastFailure.set("chromium: " + e);
            failed.incrementAndGet();
        }
    }

    private void visit(Page page) {
        page.navigate(url, new Page.NavigateOptions().setTimeout(60_000));
        // the banner is lazy and can take the ad service's whole delay: LCP is final once it is painted
        page.waitForFunction("() => { const i = document.querySelector('.ad-banner img'); return i && i.complete && i.naturalWidth > 0; }",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(100));
        page.waitForTimeout(300);
        lastLcp.set(String.valueOf(page.evaluate("""
                () => new Promise(done => new PerformanceObserver(list => {
                  const last = list.getEntries().at(-1);
                  done(Math.round(last.startTime) + ' ms ' + (last.element ? last.element.tagName : '?'));
                }).observe({ type: 'largest-contentful-paint', buffered: true }))""")));
        page.waitForRequest(r -> r.url().endsWith("/rum/vitals"), new Page.WaitForRequestOptions().setTimeout(15_000),
                () -> page.evaluate("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });"
                        + " document.dispatchEvent(new Event('visibilitychange')); }"));
        beacons.incrementAndGet();
    }

    public String report() {
        return beacons.get() + " beacons (last LCP " + lastLcp.get() + "), " + failed.get() + " visits failed (last: "
                + lastFailure.get() + ")";
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(90));
    }
}
