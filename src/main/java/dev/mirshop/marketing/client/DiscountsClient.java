package dev.mirshop.marketing.client;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.mirshop.marketing.client.ConsoleApi.Discount;
import dev.mirshop.marketing.client.ConsoleApi.DiscountForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The console's calls to the discount service. Failures become field errors, a 404 or ServiceUnavailable. */
@ApplicationScoped
public class DiscountsClient {

    static final String SERVICE = "discount";

    @Inject
    @RestClient
    DiscountsAdminApi api;

    public List<Discount> all() {
        return ServiceErrors.call(SERVICE, () -> api.all("all"));
    }

    public Discount get(long id) {
        return ServiceErrors.call(SERVICE, () -> api.get(id));
    }

    public Discount create(DiscountForm form) {
        return ServiceErrors.call(SERVICE, () -> api.create(form));
    }

    public Discount update(long id, DiscountForm form) {
        return ServiceErrors.call(SERVICE, () -> api.update(id, form));
    }

    public Discount deactivate(long id) {
        return ServiceErrors.call(SERVICE, () -> api.deactivate(id));
    }
}
