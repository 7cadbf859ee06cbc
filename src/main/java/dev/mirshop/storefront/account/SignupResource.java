package dev.mirshop.storefront.account;

import java.time.Duration;
import java.util.Optional;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.platform.security.AttemptLimiter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignupForm form, FieldErrors errors, String returnTo);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    AccountService accounts;
    @Inject
    LoginThrottle throttle;
    @Inject
    HttpServerRequest request;

    @GET
    public Response form(@QueryParam("return") String returnTo) {
        if (!identity.isAnonymous()) {
            return Redirects.seeOther(ReturnPath.orDefault(returnTo));
        }
        return page(200, new SignupForm("", "", "", ""), new FieldErrors(), ReturnPath.safeOrNull(returnTo));
    }

    /**
     * Creates the account and sends the shopper to log in with it. A new and an already registered e-mail get the
     * same answer (ASVS 2.5.x, 3.x: no account enumeration): nobody learns from this form who has an account.
     * When mails exist (issue 17), the owner of an existing address will be told someone tried to sign up with it.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@FormParam("name") String name, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("password_confirmation") String confirmation,
            @FormParam("return") String returnTo) {
        SignupForm form = new SignupForm(name, email, password, confirmation);
        String safeReturn = ReturnPath.safeOrNull(returnTo);
        Optional<Duration> wait = throttle.signupRetryAfter(request);
        if (wait.isPresent()) {
            return Response.fromResponse(page(429, form, new FieldErrors().general("Too many accounts were created"
                    + " from your connection. Please wait " + LoginThrottle.waitMessage(wait.get()) + " and try again."),
                    safeReturn)).header(HttpHeaders.RETRY_AFTER,
                            AttemptLimiter.seconds(wait.get())).build();
        }
        FieldErrors errors = form.validate();
        if (errors.any()) {
            return page(400, form, errors, safeReturn);
        }
        throttle.signupAttempted(request);
        accounts.signUpUnlessTaken(form);
        return Redirects.seeOther("/login?welcome=1"
                + (safeReturn == null ? "" : "&return=" + AccountFormatting.returnParam(safeReturn)));
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
