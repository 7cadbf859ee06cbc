package dev.mirshop.observability.rum;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mirshop.observability.DatadogConfig;
import dev.mirshop.observability.TraceIds;
import dev.mirshop.platform.ServiceTags;
import dev.mirshop.platform.web.ContentSecurityPolicySources;
import dev.mirshop.platform.web.ThisRequestOnly;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What templates/tags/rum.html renders: the Datadog browser RUM settings as script-safe JSON, and the ids
 * that link the page's server trace to its RUM view. {@code {cdi:rum.*}} in Qute.
 */
@Named("rum")
@ApplicationScoped
public class RumSnippet implements ContentSecurityPolicySources {

    static final String SDK_MAJOR = "v6";

    private static final Map<String, String> CDN_REGION_BY_SITE = Map.of(
            "datadoghq.com", "us1",
            "us3.datadoghq.com", "us3",
            "us5.datadoghq.com", "us5",
            "datadoghq.eu", "eu1",
            "ap1.datadoghq.com", "ap1",
            "ap2.datadoghq.com", "ap2",
            "ddog-gov.com", "us1-fed");

    @Inject
    DatadogConfig datadog;
    @Inject
    ServiceTags tags;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    CurrentVertxRequest currentRequest;

    private volatile String initOptionsJson;

    /** RUM is on only when both the application id and the client token are configured. */
    public boolean enabled() {
        return present(datadog.applicationId()) && present(datadog.clientToken());
    }

    /**
     * The inline loader of the RUM SDK, exactly as the page carries it: its SHA-256 is allowed by the pages'
     * Content-Security-Policy ({@link #contentSecurityPolicySources()}), so no other inline script can run.
     */
    public String loaderScript() {
        return "(function(h,o,u,n,d){h=h[d]=h[d]||{q:[],onReady:function(c){h.q.push(c)}};d=o.createElement(u);d.async=1;"
                + "d.src=n;n=o.getElementsByTagName(u)[0];n.parentNode.insertBefore(d,n)})(window,document,'script',"
                + scriptUrlJson() + ",'DD_RUM');window.DD_RUM.onReady(function(){var options=" + initOptionsJson()
                + ";options.allowedTracingUrls=[{match:window.location.origin,propagatorTypes:['tracecontext']}];"
                + "window.DD_RUM.init(options);});";
    }

    /**
     * What the pages' CSP must allow for RUM, when it is on: the loader's hash and the SDK's origin (script-src), and
     * where the SDK sends its data (connect-src): the proxy when one is configured, else the site's intake.
     */
    @Override
    public Optional<Sources> contentSecurityPolicySources() {
        if (!enabled()) {
            return Optional.empty();
        }
        String hash;
        try {
            hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(loaderScript().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String intake = datadog.rum().proxy().filter(s -> !s.isBlank()).map(ContentSecurityPolicySources::origin)
                .orElse("https://browser-intake-" + datadog.site().replace(".datadoghq", "-datadoghq"));
        return Optional.of(new Sources("'sha256-" + hash + "' " + ContentSecurityPolicySources.origin(scriptUrl()),
                intake));
    }

    /** The SDK URL as a JS string literal: DD_RUM_SCRIPT_URL, or Datadog's CDN for the site. */
    public String scriptUrlJson() {
        return scriptSafeJson(scriptUrl());
    }

    String scriptUrl() {
        return datadog.rum().scriptUrl().filter(s -> !s.isBlank()).orElseGet(() -> "https://www.datadoghq-browser-agent.com/"
                + CDN_REGION_BY_SITE.getOrDefault(datadog.site(), "us1") + "/" + SDK_MAJOR + "/datadog-rum.js");
    }

    /** DD_RUM.init options as a JS object literal (allowedTracingUrls is added in the page: the shop's own origin). */
    public String initOptionsJson() {
        String cached = initOptionsJson;
        if (cached == null) {
            cached = scriptSafeJson(initOptions());
            initOptionsJson = cached;
        }
        return cached;
    }

    Map<String, Object> initOptions() {
        DatadogConfig.Rum rum = datadog.rum();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("applicationId", datadog.applicationId().orElse(""));
        options.put("clientToken", datadog.clientToken().orElse(""));
        options.put("site", datadog.site());
        options.put("service", tags.service());
        options.put("env", tags.env());
        options.put("version", tags.version());
        options.put("sessionSampleRate", rum.sessionSampleRate());
        options.put("sessionReplaySampleRate", rum.sessionReplaySampleRate());
        options.put("trackUserInteractions", rum.trackUserInteractions());
        options.put("trackResources", rum.trackResources());
        options.put("trackLongTasks", rum.trackLongTasks());
        options.put("defaultPrivacyLevel", rum.defaultPrivacyLevel());
        rum.proxy().filter(s -> !s.isBlank()).ifPresent(proxy -> options.put("proxy", proxy));
        return options;
    }

    /** The server span's trace id in Datadog's form (decimal low 64 bits), for the dd-trace-id meta tag. */
    public String traceId() {
        // this request's ids: a shared cache must never hand them to another visitor
        ThisRequestOnly.mark(currentRequest.getCurrent());
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? TraceIds.datadogId(context.getTraceId()) : "";
    }

    /** When the page was rendered, in epoch milliseconds, for the dd-trace-time meta tag. */
    public long traceTime() {
        return clock.millis();
    }

    /** W3C traceparent of the page's server span (for tools that read it instead of the dd-* tags). */
    public String traceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return "";
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    private String scriptSafeJson(Object value) {
        try {
            return escapeForScript(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("RUM settings cannot be written as JSON", e);
        }
    }

    /** JSON stays valid JSON, but can no longer close the script element or start an HTML comment. */
    static String escapeForScript(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static boolean present(Optional<String> value) {
        return value.filter(s -> !s.isBlank()).isPresent();
    }
}
