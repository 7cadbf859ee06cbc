package dev.mirshop.storefront.mail.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * /dev/mailbox: the mails the embedded SMTP server received, newest first, with their text and a link to each HTML
 * part. Only where the embedded server runs: this class is not in the production artifact at all (404 there), and
 * answers 404 when the server is off.
 */
@Path("/dev/mailbox")
public class DevMailboxResource {

    @Inject
    EmbeddedSmtp smtp;

    public record Shown(int number, ReceivedMail mail) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mailbox(List<Shown> mails, int port);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response mailbox() {
        List<ReceivedMail> received = running().received();
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            shown.add(new Shown(i + 1, received.get(i)));
        }
        Collections.reverse(shown);
        return Response.ok(Templates.mailbox(shown, smtp.port())).header("Cache-Control", "no-store").build();
    }

    /** The HTML part of mail number {@code n}, sandboxed: no script, no form, nothing loaded from elsewhere. */
    @GET
    @Path("{n}/html")
    @Produces(MediaType.TEXT_HTML)
    public Response html(@RestPath String n) {
        List<ReceivedMail> received = running().received();
        int number = n.matches("\\d{1,6}") ? Integer.parseInt(n) : 0;
        if (number < 1 || number > received.size() || received.get(number - 1).html() == null) {
            throw new NotFoundException();
        }
        return Response.ok(received.get(number - 1).html()).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; sandbox")
                .build();
    }

    private EmbeddedSmtp running() {
        if (!smtp.isRunning()) {
            throw new NotFoundException();
        }
        return smtp;
    }
}
