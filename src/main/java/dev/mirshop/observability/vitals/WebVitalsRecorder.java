package dev.mirshop.observability.vitals;

import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import dev.mirshop.platform.ShopConfig;
import dev.mirshop.platform.ShopRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Web vitals as Prometheus histograms by page template: shop_web_vitals_lcp_seconds, _inp_seconds,
 * _fcp_seconds, _ttfb_seconds and shop_web_vitals_cls. Every (vital, template) pair is registered at
 * start, so dashboards show series before the first beacon.
 */
@Startup
@ApplicationScoped
public class WebVitalsRecorder {

    public record Measurement(WebVital vital, double reported) {
    }

    @Inject
    MeterRegistry registry;
    @Inject
    ShopConfig shop;

    @PostConstruct
    void registerSeriesAtZero() {
        if (!shop.role().serves(ShopRole.storefront)) {
            return; // only storefront processes count these events
        }
        for (WebVital vital : WebVital.values()) {
            for (String template : PageTemplates.KNOWN) {
                summary(vital, template);
            }
        }
    }

    /** Records a batch that has been validated as a whole (all or nothing). */
    public void record(String template, List<Measurement> measurements) {
        for (Measurement m : measurements) {
            summary(m.vital(), template).record(m.vital().recorded(m.reported()));
        }
    }

    private DistributionSummary summary(WebVital vital, String template) {
        return DistributionSummary.builder(vital.meterName())
                .description("Web vital " + vital.name() + " measured in shoppers' browsers, by page template")
                .baseUnit(vital.baseUnit())
                .serviceLevelObjectives(vital.buckets())
                .tag("template", template)
                .register(registry);
    }
}
