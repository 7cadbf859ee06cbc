package dev.mirshop.storefront.account;

import dev.mirshop.storefront.address.AddressValidator;
import dev.mirshop.storefront.address.Countries;
import dev.mirshop.storefront.address.ShippingAddress;
import dev.mirshop.platform.forms.FieldErrors;
import java.util.List;
import java.util.Optional;

import dev.mirshop.platform.security.ShopIdentity;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** /account: profile, saved shipping address, order history. Logged-in shoppers only. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    /** The address form's fields are address_name, address_line1, ... (the page has other forms). */
    static final String FIELD_PREFIX = "address_";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(Account account, ShippingAddress address, FieldErrors errors,
                List<OrderHistory.OrderSummary> orders, List<Countries.Country> countries, boolean saved);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    AccountService accounts;
    @Inject
    OrderHistory orderHistory;

    @GET
    public Response show(@QueryParam("saved") String saved) {
        Optional<Account> account = currentAccount();
        if (account.isEmpty()) {
            return Redirects.toLogin("/account");
        }
        Account a = account.get();
        return page(200, a, savedAddress(a), new FieldErrors(), "address".equals(saved));
    }

    @POST
    @Path("address")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveAddress(@FormParam("address_name") String name, @FormParam("address_line1") String line1,
            @FormParam("address_line2") String line2, @FormParam("address_city") String city,
            @FormParam("address_zip") String zip, @FormParam("address_country") String country,
            @FormParam("address_phone") String phone) {
        Optional<Account> account = currentAccount();
        if (account.isEmpty()) {
            return Redirects.toLogin("/account");
        }
        ShippingAddress address = ShippingAddress.typed(name, line1, line2, city, zip, country, phone);
        FieldErrors errors = AddressValidator.validate(address, FIELD_PREFIX);
        if (errors.any()) {
            return page(400, account.get(), address, errors, false);
        }
        accounts.saveAddress(account.get().id, address);
        return Redirects.seeOther("/account?saved=address");
    }

    /** The address book entry, or an empty one in the default country. */
    private static ShippingAddress savedAddress(Account account) {
        ShippingAddress address = account.address == null ? new ShippingAddress() : account.address.copy();
        if (address.country == null) {
            address.country = Countries.DEFAULT;
        }
        return address;
    }

    private Optional<Account> currentAccount() {
        Long id = ShopIdentity.accountId(identity);
        return id == null ? Optional.empty() : accounts.find(id);
    }

    private Response page(int status, Account account, ShippingAddress address, FieldErrors errors, boolean saved) {
        return Response.status(status)
                .entity(Templates.account(account, address, errors, orderHistory.of(account.id), Countries.ALL, saved))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
