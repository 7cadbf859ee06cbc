package dev.mirshop.storefront.account;

import java.time.Duration;
import java.util.Optional;

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

/** /login and /logout. Plain JAX-RS form posts, so the CSRF filter protects them like every other form. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    static final String LOGIN_FAILED = "Email or password is incorrect.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String email, String returnTo, String error, boolean welcome,
                boolean passwordReset);
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    AccountService accounts;
    @Inject
    ShopperCookies cookies;
    @Inject
    LoginThrottle throttle;
    @Inject
    HttpServerRequest request;

    @GET
    @Path("login")
    public Response form(@QueryParam("return") String returnTo, @QueryParam("welcome") String welcome,
            @QueryParam("reset") String reset) {
        if (!identity.isAnonymous()) {
            return Redirects.seeOther(ReturnPath.orDefault(returnTo));
        }
        return Response.status(200).entity(Templates.login("", ReturnPath.safeOrNull(returnTo), null,
                "1".equals(welcome), "1".equals(reset))).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("return") String returnTo) {
        String keptEmail = email == null ? "" : email.strip();
        if (keptEmail.length() > 254) {
            keptEmail = "";
        }
        Optional<Duration> wait = throttle.loginRetryAfter(email, request);
        if (wait.isPresent()) {
            return Response.fromResponse(page(429, keptEmail, ReturnPath.safeOrNull(returnTo),
                    "Too many failed attempts. For your security, please wait " + LoginThrottle.waitMessage(wait.get())
                            + " and try again."))
                    .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.seconds(wait.get()))
                    .build();
        }
        Optional<Account> account = accounts.authenticate(email, password);
        if (account.isEmpty()) {
            throttle.loginFailed(email, request);
            return page(401, keptEmail, ReturnPath.safeOrNull(returnTo), LOGIN_FAILED);
        }
        throttle.loginSucceeded(email);
        cookies.logIn(account.get().id);
        return Redirects.seeOther(ReturnPath.orDefault(returnTo));
    }

    @POST
    @Path("logout")
    public Response logOut() {
        cookies.logOut();
        return Redirects.seeOther("/");
    }

    private static Response page(int status, String email, String returnTo, String error) {
        return Response.status(status).entity(Templates.login(email, returnTo, error, false, false))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
