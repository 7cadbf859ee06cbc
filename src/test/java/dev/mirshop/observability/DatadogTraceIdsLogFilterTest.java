package dev.mirshop.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import dev.mirshop.observability.logging.DatadogTraceIdsLogFilter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

class DatadogTraceIdsLogFilterTest {

    private final DatadogTraceIdsLogFilter filter = new DatadogTraceIdsLogFilter();

    @Test
    void recordsInsideASpanCarryHexAndDatadogIds() {
        SpanContext context = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "hello", ExtLogRecord.class.getName());
        try (Scope ignored = Span.wrap(context).makeCurrent()) {
            assertThat(filter.isLoggable(record)).isTrue();
        }
        assertThat(record.getMdc("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(record.getMdc("spanId")).isEqualTo("00f067aa0ba902b7");
        assertThat(record.getMdc("trace_id")).isEqualTo(Long.toUnsignedString(0xa3ce929d0e0e4736L));
        assertThat(record.getMdc("span_id")).isEqualTo("67667974448284343");
    }

    @Test
    void recordsOutsideASpanAreLoggedWithoutIds() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "hello", ExtLogRecord.class.getName());
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getMdc("trace_id")).isNull();
    }
}
