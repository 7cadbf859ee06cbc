package dev.mirshop.storefront.order;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.mirshop.storefront.cart.Shopper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The order page: for the account that placed the order, or through the guest's private link. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrderResource {

    @Inject
    OrderService orders;
    @Inject
    Shopper shopper;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(OrderService.OrderDetails details);
    }

    @GET
    @Path("{number}")
    public Response show(@RestPath String number, @RestQuery String token) {
        OrderService.OrderDetails details = orders.visible(number, shopper.accountId(), token)
                .orElseThrow(NotFoundException::new);
        // The URL carries the private token: keep the page out of caches (the template keeps it out of Referer headers).
        return Response.ok(Templates.show(details)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
