package dev.mirshop.platform.security;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Sends the service token on a REST client's calls ({@code @RegisterProvider}): the storefront to the discount service. */
public class ServiceTokenClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION,
                "Bearer " + Arc.container().instance(ServiceToken.class).get().value());
    }
}
