package dev.mirshop.platform.errors;

import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.CheckedTemplate;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure into a clear answer: an HTML page in the shop's layout for shoppers, RFC 7807
 * problem JSON for APIs. Never a stack trace; unexpected errors are logged with a reference the page shows.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request,
            HttpServerRequest connection) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request, connection);
        }
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        return respond(request, status, defaultMessage(status), null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        if (wantsJson(request)) {
            return Problem.of(400, "Bad Request", "The request is not valid").withErrors(errors).toResponse();
        }
        String message = errors.stream().map(fe -> fe.field() + ": " + fe.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid.");
        return respond(request, 400, message, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        return respond(request, 400, "The request body is not valid JSON for this endpoint.", null);
    }

    /** Wrong types or unknown enum values in JSON; more specific than Quarkus' own mapper, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e,
            ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, ContainerRequestContext request, HttpServerRequest connection) {
        // a reset connection marks its answers as written: nothing more can reach the client, so it is not an error
        if (BadInput.isClientGone(e) || connection.response().closed() || connection.response().ended()) {
            // the shopper closed the tab or the connection dropped: nobody reads an answer, and it is not our fault
            LOG.debugf("Client went away during %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e);
            return respond(request, 400, "The connection was closed before the request was complete.", null);
        }
        if (BadInput.isTooSlow(e)) {
            // the body did not arrive within quarkus.http.read-timeout: the client's delay, answered like SlowBodyGuard
            LOG.debugf("Request body too slow on %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e);
            return respond(request, 408, "The request took too long to arrive.", null);
        }
        String badInput = BadInput.describe(e);
        if (badInput != null) {
            LOG.debugf("Refused bad input on %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e);
            return respond(request, 400, badInput, null);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.getMethod(), request.getUriInfo().getPath());
        return respond(request, 500, "Something went wrong on our side. Please try again in a moment.", reference);
    }

    /**
     * An answer written straight to Vert.x, for checks that run before the JAX-RS layer (no request context, no
     * layout): problem JSON for APIs, a small self-contained page for browsers.
     */
    public static void endRaw(io.vertx.ext.web.RoutingContext rc, int status, String message) {
        String path = rc.normalizedPath() == null ? "" : rc.normalizedPath();
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean json = path.startsWith("/api/") || ((accept != null && accept.contains("json")
                || contentType != null && contentType.contains("json")) && (accept == null || !accept.contains("text/html")));
        String title = title(status);
        var response = rc.response().setStatusCode(status).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (json) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end("{\"type\":\"about:blank\",\"title\":\""
                    + title + "\",\"status\":" + status + ",\"detail\":\"" + message + "\"}");
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end("<!DOCTYPE html><html lang=\"en\">"
                    + "<head><meta charset=\"utf-8\"><title>" + title + " · MIR Shop</title>"
                    + "<link rel=\"stylesheet\" href=\"/css/shop.css\"></head><body><main class=\"container\"><h1>"
                    + title + "</h1><p>" + message + "</p><p><a href=\"/\">Back to the shop</a></p></main></body></html>");
        }
    }

    /** Gives body-less error answers (e.g. a rejected CSRF token, 405) the same page or problem JSON. */
    @ServerResponseFilter
    public void fillEmptyErrors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            Response filled = respond(request, status, defaultMessage(status), null);
            response.setEntity(filled.getEntity(), null, filled.getMediaType());
        }
    }

    /** The shop's answer for this status and message: the error page for shoppers, problem JSON for APIs. */
    public static Response respond(ContainerRequestContext request, int status, String message) {
        return respond(request, status, message, null);
    }

    static Response respond(ContainerRequestContext request, int status, String message, String reference) {
        String title = title(status);
        if (wantsJson(request)) {
            Problem problem = Problem.of(status, title, message);
            return problem.toResponse();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message, reference)).build();
    }

    static boolean wantsJson(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        boolean acceptsHtml = accept != null && accept.contains("text/html");
        boolean jsonish = (accept != null && accept.contains("json"))
                || (contentType != null && contentType.contains("json"));
        return jsonish && !acceptsHtml;
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    public static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood. If you submitted a form, reload the page and try again.";
            case 401 -> "Please log in to continue.";
            case 403 -> "You do not have access to this page.";
            case 404 -> "We could not find the page you were looking for.";
            case 405 -> "This page does not accept that kind of request.";
            case 406 -> "This page cannot answer in the format the request asked for.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 429 -> "Too many attempts. Please wait a moment and try again.";
            case 415 -> "This content type is not supported here.";
            default -> "The request could not be completed.";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
