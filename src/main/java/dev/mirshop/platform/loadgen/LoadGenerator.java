package dev.mirshop.platform.loadgen;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jboss.logging.Logger;

import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.lifecycle.BackgroundWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Virtual shoppers walking weighted journeys (Journey) against the storefront named by SHOP_LOADGEN_TARGET, at a
 * shared request rate. Role loadgen starts with 4 shoppers; role all starts with none. The operator page changes
 * both numbers at runtime (LoadgenApi). Counts what it sends in shop_loadgen_requests_total{journey, status}.
 */
@ApplicationScoped
public class LoadGenerator implements BackgroundWork {

    private static final Logger LOG = Logger.getLogger(LoadGenerator.class);
    static final int MAX_SHOPPERS = 50;
    static final double MAX_RATE = 200;

    public record Settings(int shoppers, double rate, String target) {
    }

    @Inject
    LoadgenConfig config;
    @Inject
    ShopConfig shop;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;
    @Inject
    HttpServer server;

    private final List<Thread> threads = new ArrayList<>();
    private volatile int generation;
    private RateLimit rate;
    private HttpClient http;
    private String target;

    void start(@Observes StartupEvent event) {
        if (!shop.role().serves(ShopRole.loadgen)) {
            return;
        }
        rate = new RateLimit(config.rate());
        http = Shopper.client();
        Gauge.builder("shop.loadgen.shoppers", this, g -> g.settings().shoppers())
                .description("Virtual shoppers walking now").register(registry);
        Gauge.builder("shop.loadgen.rate", this, g -> g.settings().rate())
                .description("Requests per second the shoppers may send together").register(registry);
        int initial = config.shoppers().orElse(shop.role() == ShopRole.loadgen ? 4 : 0);
        if (initial > 0) {
            set(initial, config.rate());
        }
    }

    /** Where the shoppers go: SHOP_LOADGEN_TARGET, else this process. */
    synchronized String target() {
        if (target == null) {
            target = config.target().filter(t -> !t.isBlank())
                    .orElseGet(() -> "http://127.0.0.1:" + (server.getPort() > 0 ? server.getPort() : 8080));
        }
        return target;
    }

    public synchronized Settings settings() {
        return new Settings(threads.size(), rate == null ? 0 : rate.rate(), shop.role().serves(ShopRole.loadgen) ? target() : null);
    }

    public boolean available() {
        return shop.role().serves(ShopRole.loadgen);
    }

    /** Changes the number of shoppers and the rate; 0 shoppers stops the traffic. */
    public synchronized Settings set(int shoppers, double requestsPerSecond) {
        if (!available()) {
            throw new IllegalStateException("this process does not play the loadgen role");
        }
        if (shoppers < 0 || shoppers > MAX_SHOPPERS) {
            throw new IllegalArgumentException("shoppers must be 0 to " + MAX_SHOPPERS);
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + MAX_RATE + " requests per second");
        }
        rate.rate(requestsPerSecond);
        int mine = ++generation;
        threads.forEach(Thread::interrupt);
        threads.clear();
        String base = target();
        for (int i = 0; i < shoppers; i++) {
            Shopper shopper = new Shopper(base, http, config.requestTimeout(), new Random(), clock, rate,
                    () -> generation == mine, this::count);
            Thread t = new Thread(() -> {
                while (generation == mine && !Thread.currentThread().isInterrupted()) {
                    try {
                        shopper.walk();
                    } catch (RuntimeException e) {
                        LOG.debugf("a shopper's journey failed: %s", e.toString());
                    }
                }
            }, "loadgen-shopper-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        LOG.infof("Load generator: %d shoppers, at most %.1f requests/s, against %s", shoppers, requestsPerSecond, base);
        return settings();
    }

    private void count(Journey journey, int status) {
        String outcome = status < 0 ? "none" : (status / 100) + "xx";
        Counter.builder("shop.loadgen.requests").tag("journey", journey.id).tag("status", outcome)
                .description("Requests the load generator sent, by journey and status class").register(registry).increment();
    }

    @Override
    public synchronized String finish() {
        generation++;
        int stopped = threads.size();
        threads.forEach(Thread::interrupt);
        threads.clear();
        return "stopped " + stopped + " load generator shoppers";
    }
}
