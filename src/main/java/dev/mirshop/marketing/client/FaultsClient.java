package dev.mirshop.marketing.client;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.faults.FaultApi.FaultView;
import dev.mirshop.platform.faults.FaultApi.Overview;
import dev.mirshop.platform.faults.FaultApi.Switch;
import dev.mirshop.platform.loadgen.LoadGenerator.Settings;
import dev.mirshop.platform.loadgen.LoadgenApi.Change;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The operator page's calls to the service that owns each fault, over HTTP with the service token, like the rest of
 * the console: the storefront's own API through loopback, the ad and discount services at their admin URLs, and the
 * load generator at shop.loadgen.url. One switch on the page reaches the process that must misbehave.
 */
@ApplicationScoped
public class FaultsClient {

    @ConfigProperty(name = "quarkus.rest-client.ads-admin.url")
    String adsUrl;
    @ConfigProperty(name = "quarkus.rest-client.discounts-admin.url")
    String discountsUrl;
    @ConfigProperty(name = "shop.faults.storefront-url", defaultValue = "http://loopback")
    String storefrontUrl;
    @ConfigProperty(name = "shop.loadgen.url", defaultValue = "http://loopback")
    String loadgenUrl;

    private final Map<ShopRole, FaultsAdminApi> apis = new EnumMap<>(ShopRole.class);
    private LoadgenAdminApi loadgen;

    @PostConstruct
    void build() {
        apis.put(ShopRole.storefront, client(FaultsAdminApi.class, storefrontUrl, "/api/faults"));
        apis.put(ShopRole.ads, client(FaultsAdminApi.class, adsUrl, "/api/ads/faults"));
        apis.put(ShopRole.discounts, client(FaultsAdminApi.class, discountsUrl, "/api/discounts/faults"));
        loadgen = client(LoadgenAdminApi.class, loadgenUrl, "/api/loadgen");
    }

    private static <T> T client(Class<T> type, String base, String path) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(base.replaceAll("/+$", "") + path))
                .register(ServiceCallFilter.class).connectTimeout(Duration.ofSeconds(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(10, java.util.concurrent.TimeUnit.SECONDS).build(type);
    }

    public Overview list(ShopRole service) {
        return ServiceErrors.call(service.name(), () -> apis.get(service).list());
    }

    public FaultView on(ShopRole service, String id, Switch body, String actor) {
        return ServiceErrors.call(service.name(), () -> apis.get(service).on(id, body, actor));
    }

    public FaultView off(ShopRole service, String id, String actor) {
        return ServiceErrors.call(service.name(), () -> apis.get(service).off(id, actor));
    }

    public Settings loadgen() {
        return ServiceErrors.call("load generator", () -> loadgen.get());
    }

    public Settings loadgen(int shoppers, double rate) {
        return ServiceErrors.call("load generator", () -> loadgen.set(new Change(shoppers, rate)));
    }
}
