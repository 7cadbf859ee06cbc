package dev.mirshop.storefront.catalog;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Readiness is DOWN while a generated demo catalog loads (or after it failed to), UP otherwise. */
@Readiness
@ApplicationScoped
public class DemoCatalogReadiness implements HealthCheck {

    @Inject
    DemoCatalogLoader loader;

    @Override
    public HealthCheckResponse call() {
        DemoCatalogLoader.State state = loader.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("demo-catalog")
                .status(state == DemoCatalogLoader.State.NOT_ASKED || state == DemoCatalogLoader.State.LOADED)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT));
        loader.size().ifPresent(size -> response.withData("size", size));
        if (!loader.outcome().isEmpty()) {
            response.withData("outcome", loader.outcome());
        }
        return response.build();
    }
}
