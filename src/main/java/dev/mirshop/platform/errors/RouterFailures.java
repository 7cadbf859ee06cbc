package dev.mirshop.platform.errors;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

/**
 * Failures that never reach the JAX-RS exception mappers (a malformed Accept header found while matching a
 * resource, a path Vert.x cannot decode, a body limit hit while reading): the same clear answer as the mappers give,
 * instead of Quarkus' empty 4xx or its logged 500. Real failures still go to Quarkus' handler, logged with an id.
 */
@ApplicationScoped
public class RouterFailures {

    private static final Logger LOG = Logger.getLogger(RouterFailures.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Throwable failure = rc.failure();
        if (failure != null && BadInput.isClientGone(failure)) {
            LOG.debugf("Client went away during %s %s", rc.request().method(), rc.normalizedPath());
            rc.response().close();
            return;
        }
        int status = rc.statusCode();
        String message = null;
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            status = web.getResponse().getStatus();
        } else if (failure != null && (message = BadInput.describe(failure)) != null) {
            status = 400;
        } else if (failure != null || status < 400 || status >= 500) {
            rc.next(); // unexpected: Quarkus logs it with an error id
            return;
        }
        ErrorPages.endRaw(rc, status, message != null ? message : ErrorPages.defaultMessage(status));
    }
}
