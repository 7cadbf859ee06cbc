package dev.mirshop.observability.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import dev.mirshop.observability.TraceIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.LoggingFilter;

/**
 * Adds the current span's ids to every log record's MDC in two forms: traceId/spanId (hex, OpenTelemetry)
 * and dd.trace_id/dd.span_id (decimal low 64 bits), which Datadog uses to link logs to traces. Never
 * filters anything out.
 */
@LoggingFilter(name = "trace-ids")
public final class DatadogTraceIdsLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            SpanContext context = Span.current().getSpanContext();
            if (context.isValid()) {
                ext.putMdc("traceId", context.getTraceId());
                ext.putMdc("spanId", context.getSpanId());
                ext.putMdc("dd.trace_id", TraceIds.datadogId(context.getTraceId()));
                ext.putMdc("dd.span_id", TraceIds.datadogId(context.getSpanId()));
            }
        }
        return true;
    }
}
