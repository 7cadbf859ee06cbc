package dev.mirshop.platform.faults;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Readiness DOWN while the fault readiness-failing is on: the blackbox probe and Kubernetes see a pod that is not ready. */
@Readiness
@ApplicationScoped
public class FaultReadiness implements HealthCheck {

    @Inject
    FaultRegistry registry;

    @Override
    public HealthCheckResponse call() {
        return registry.active(Fault.READINESS_FAILING)
                .map(s -> HealthCheckResponse.named("faults").down().withData("fault", Fault.READINESS_FAILING.id)
                        .withData("until", s.endsAt().toString()).build())
                .orElseGet(() -> HealthCheckResponse.named("faults").up().build());
    }
}
