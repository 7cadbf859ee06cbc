package dev.mirshop.storefront.account;

import dev.mirshop.platform.forms.FieldErrors;
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

/** /signup: create an account, log it in (merging the guest cart), go back to where the shopper was. */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignupResource {

    static final String EMAIL_TAKEN = "An account with this email already exists.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignupForm form, FieldErrors errors, String returnTo);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    AccountService accounts;
    @Inject
    ShopperCookies cookies;

    @GET
    public Response form(@QueryParam("return") String returnTo) {
        if (!identity.isAnonymous()) {
            return Redirects.seeOther(ReturnPath.orDefault(returnTo));
        }
        return page(200, new SignupForm("", "", "", ""), new FieldErrors(), ReturnPath.safeOrNull(returnTo));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@FormParam("name") String name, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("password_confirmation") String confirmation,
            @FormParam("return") String returnTo) {
        SignupForm form = new SignupForm(name, email, password, confirmation);
        String safeReturn = ReturnPath.safeOrNull(returnTo);
        FieldErrors errors = form.validate();
        if (errors.any()) {
            return page(400, form, errors, safeReturn);
        }
        Account account;
        try {
            account = accounts.signUp(form);
        } catch (EmailTakenException e) {
            return page(409, form, new FieldErrors().add("email", EMAIL_TAKEN), safeReturn);
        }
        cookies.logIn(account.id);
        return Redirects.seeOther(ReturnPath.orDefault(returnTo));
    }

    private static Response page(int status, SignupForm form, FieldErrors errors, String returnTo) {
        // Over-long values are not echoed back into the page.
        SignupForm shown = new SignupForm(cut(form.name(), 100), cut(form.email(), 254), "", "");
        return Response.status(status).entity(Templates.signup(shown, errors, returnTo))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
