package dev.mirshop.storefront.cart;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A tampered cart cookie gets a 400 page that says so, and a Set-Cookie that clears it. */
public class CartErrors {

    @Inject
    CartCookie cartCookie;

    @ServerExceptionMapper
    public Response invalidCookie(InvalidCartCookieException e) {
        cartCookie.clear();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(CartResource.Templates.invalidCookie()).build();
    }
}
