package dev.mirshop.platform.faults;

import java.util.List;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The faults' timeline in the telemetry: {@code shop_fault_active{fault}} (1 while on, what Grafana draws as an
 * annotation), {@code shop_fault_changes_total{fault, action}}, a log line and a span event at every switch.
 */
@ApplicationScoped
public class FaultTelemetry {

    private static final Logger LOG = Logger.getLogger(FaultTelemetry.class);
    static final List<String> ACTIONS = List.of(FaultEvent.ON, FaultEvent.OFF, FaultEvent.AUTO_OFF);

    @Inject
    MeterRegistry registry;
    @Inject
    Tracer tracer;

    void register(List<Fault> faults, FaultRegistry faultRegistry) {
        for (Fault fault : faults) {
            Gauge.builder("shop.fault.active", faultRegistry, r -> r.activeNow(fault) ? 1 : 0).tag("fault", fault.id)
                    .description("1 while the fault is switched on in this process (docs/scenarios.md)").register(registry);
            ACTIONS.forEach(action -> changes(fault, action));
        }
    }

    void switched(FaultEvent event) {
        Fault.byId(event.fault()).ifPresent(f -> changes(f, event.action()).increment());
        if (FaultEvent.ON.equals(event.action())) {
            LOG.warnf("FAULT ON %s severity=%d (%s)%s until %s, by %s (%s)", event.fault(), event.severity(),
                    Fault.byId(event.fault()).map(f -> f.knob).orElse(""),
                    event.targetVersion() == null ? "" : " for version " + event.targetVersion(), event.endsAt(),
                    event.actor(), event.source());
        } else {
            LOG.warnf("FAULT OFF %s (%s), by %s (%s)", event.fault(), event.action(), event.actor(), event.source());
        }
        Attributes attributes = Attributes.builder().put(AttributeKey.stringKey("fault"), event.fault())
                .put(AttributeKey.stringKey("fault.action"), event.action())
                .put(AttributeKey.longKey("fault.severity"), event.severity() == null ? 0L : event.severity().longValue())
                .put(AttributeKey.stringKey("fault.actor"), event.actor())
                .put(AttributeKey.stringKey("fault.source"), event.source()).build();
        Span current = Span.current();
        if (current.getSpanContext().isValid()) {
            current.addEvent("fault." + event.action(), attributes);
        } else {
            // a switch outside a request (startup declaration, automatic end) gets a span of its own
            Span span = tracer.spanBuilder("fault " + event.action() + " " + event.fault()).startSpan();
            span.addEvent("fault." + event.action(), attributes);
            span.end();
        }
    }

    private Counter changes(Fault fault, String action) {
        return Counter.builder("shop.fault.changes").tag("fault", fault.id).tag("action", action)
                .description("Faults switched on, off, or off by their automatic end").register(registry);
    }
}
