package dev.mirshop.storefront.order;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.platform.security.AttemptLimiter;
import dev.mirshop.platform.security.MailRequestLimiter;
import dev.mirshop.platform.security.MailRequestThrottles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * /orders/lookup: a guest types the e-mail address and order number, and the order's private link is mailed to the
 * address the order was placed with. The page never shows an order, and answers the same whether or not the pair
 * matched, so guessing numbers or addresses teaches nothing; throttled per address and per client.
 */
@Path("/orders/lookup")
@Produces(MediaType.TEXT_HTML)
public class OrderLookupResource {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(String email, String number, FieldErrors errors);

        static native TemplateInstance sent();
    }

    @Inject
    OrderLookup lookup;
    @Inject
    MailRequestThrottles throttles;
    @Inject
    HttpServerRequest request;

    @GET
    public Response form() {
        return page(200, Templates.lookup("", "", new FieldErrors()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookUp(@FormParam("email") String email, @FormParam("number") String number) {
        String typedEmail = email == null ? "" : email.strip();
        String typedNumber = normalized(number);
        FieldErrors errors = new FieldErrors();
        if (typedEmail.length() > 254 || !EMAIL.matcher(typedEmail).matches()) {
            errors.add("email", "Please enter the e-mail address you ordered with, like name@example.com.");
        }
        if (!OrderNumbers.isWellFormed(typedNumber)) {
            errors.add("number", "Order numbers look like R123456789: an R and nine digits, from your confirmation.");
        }
        String shownEmail = typedEmail.length() > 254 ? "" : typedEmail;
        String shownNumber = typedNumber.length() > 20 ? "" : typedNumber;
        if (errors.any()) {
            return page(400, Templates.lookup(shownEmail, shownNumber, errors));
        }
        Optional<Duration> wait = throttles.orderLookups().retryAfter(typedEmail, request);
        if (wait.isPresent()) {
            return Response.fromResponse(page(429, Templates.lookup(shownEmail, shownNumber, errors.general(
                    "Too many lookups. Please wait " + MailRequestLimiter.waitMessage(wait.get()) + " and try again."))))
                    .header(HttpHeaders.RETRY_AFTER, AttemptLimiter.seconds(wait.get())).build();
        }
        throttles.orderLookups().record(typedEmail, request);
        lookup.resendLink(typedEmail, typedNumber);
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, "/orders/lookup/sent")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("sent")
    public Response sent() {
        return page(200, Templates.sent());
    }

    /** "#r123456789 " → "R123456789": what a shopper copies from a mail or a receipt. */
    static String normalized(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return n.startsWith("#") ? n.substring(1).strip() : n;
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
