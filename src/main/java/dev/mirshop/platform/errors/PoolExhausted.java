package dev.mirshop.platform.errors;

import java.sql.SQLException;

import org.hibernate.exception.GenericJDBCException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A request that found no free database connection within the pool's acquisition timeout (Agroal's "Sorry,
 * acquisition timeout!", which Hibernate wraps as "Unable to acquire JDBC Connection") is overload, not a bug: it
 * answers 503 with {@code Retry-After}, as a page or problem JSON. Admission control (platform.web.LoadShedding)
 * keeps this rare; this is the net under it. Any other JDBC failure stays an unexpected error (ErrorPages).
 */
public class PoolExhausted {

    static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response noConnection(GenericJDBCException e, ContainerRequestContext request, HttpServerRequest connection) {
        if (!isAcquisitionTimeout(e)) {
            return new ErrorPages().unexpected(e, request, connection);
        }
        Response busy = ErrorPages.respond(request, 503,
                "Too many shoppers at once: the shop could not serve this page in time. Please try again in a moment.", null);
        return Response.fromResponse(busy).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    static boolean isAcquisitionTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
