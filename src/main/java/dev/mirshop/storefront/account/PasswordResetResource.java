package dev.mirshop.storefront.account;

import java.time.Duration;
import java.util.Optional;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.platform.security.AttemptLimiter;
import dev.mirshop.platform.security.AuthCookies;
import dev.mirshop.platform.security.MailRequestLimiter;
import dev.mirshop.platform.security.MailRequestThrottles;
import dev.mirshop.platform.security.SessionTokens;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
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

/**
 * /password/forgot and /password/reset. Asking for a link answers the same for every well-formed address, known or
 * not (the link goes only to the address's owner); requests are throttled per address and per client. The reset page
 * carries its token in the address: it is never cached nor sent to another site in a Referer.
 */
@Path("/password")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgot(String email, FieldErrors errors);

        static native TemplateInstance sent();

        static native TemplateInstance reset(String token, FieldErrors errors);

        static native TemplateInstance invalidLink();
    }

    @Inject
    PasswordResets resets;
    @Inject
    MailRequestThrottles throttles;
    @Inject
    LoginThrottle loginThrottle;
    @Inject
    HttpServerRequest request;
    @Inject
    HttpServerResponse response;

    @GET
    @Path("forgot")
    public Response forgotForm() {
        return page(200, Templates.forgot("", new FieldErrors()));
    }

    @POST
    @Path("forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@FormParam("email") String email) {
        String typed = email == null ? "" : email.strip();
        if (!SignupForm.isEmail(typed)) {
            return page(400, Templates.forgot(typed.length() > 254 ? "" : typed, new FieldErrors()
                    .add("email", "Please enter a valid email address, like name@example.com.")));
        }
        Optional<Duration> wait = throttles.passwordResets().retryAfter(typed, request);
        if (wait.isPresent()) {
            return Response.fromResponse(page(429, Templates.forgot(typed, new FieldErrors().general(
                    "Too many reset links were asked for. Please wait " + MailRequestLimiter.waitMessage(wait.get())
                            + " and try again."))))
                    .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.seconds(wait.get())).build();
        }
        throttles.passwordResets().record(typed, request);
        resets.request(typed);
        return Redirects.seeOther("/password/forgot/sent");
    }

    @GET
    @Path("forgot/sent")
    public Response sent() {
        return page(200, Templates.sent());
    }

    @GET
    @Path("reset")
    public Response resetForm(@QueryParam("token") String token) {
        if (resets.accountOf(token).isEmpty()) {
            return page(400, Templates.invalidLink());
        }
        return page(200, Templates.reset(token, new FieldErrors()));
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@FormParam("token") String token, @FormParam("password") String password,
            @FormParam("password_confirmation") String confirmation) {
        PasswordResets.Outcome outcome = resets.reset(token, password, confirmation);
        if (outcome instanceof PasswordResets.Outcome.InvalidLink) {
            return page(400, Templates.invalidLink());
        }
        if (outcome instanceof PasswordResets.Outcome.Refused refused) {
            return page(400, Templates.reset(token, refused.errors()));
        }
        // Every session of the account has ended; this browser's cookie (whoever it was for) goes too.
        AuthCookies.clear(request, response, SessionTokens.COOKIE);
        loginThrottle.loginSucceeded(((PasswordResets.Outcome.Changed) outcome).email());
        return Redirects.seeOther("/login?reset=1");
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
