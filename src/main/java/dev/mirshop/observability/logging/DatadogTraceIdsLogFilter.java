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
 * and trace_id/span_id (decimal low 64 bits, Datadog's form). In %prod the JSON formatter writes the MDC
 * under the key "dd" (quarkus.log.console.json.key-overrides=mdc=dd), so a log line carries
 * {@code "dd":{"trace_id":...,"span_id":...}}, the dd.trace_id/dd.span_id attributes Datadog links to
 * traces. Never filters anything out.
 */
@LoggingFilter(name = "trace-ids")
public final class DatadogTraceIdsLogFilter implements Filter {

    public static final String DATADOG_TRACE_ID = "trace_id";
    public static final String DATADOG_SPAN_ID = "span_id";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            SpanContext context = Span.current().getSpanContext();
            if (context.isValid()) {
                ext.putMdc("traceId", context.getTraceId());
                ext.putMdc("spanId", context.getSpanId());
                ext.putMdc(DATADOG_TRACE_ID, TraceIds.datadogId(context.getTraceId()));
                ext.putMdc(DATADOG_SPAN_ID, TraceIds.datadogId(context.getSpanId()));
            }
        }
        return true;
    }
}
