package dev.mirshop.marketing.client;

import dev.mirshop.platform.forms.FieldErrors;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

/** Turns a service call's failure into what the console shows: field errors, a 404, or "unavailable". */
final class ServiceErrors {

    private static final Logger LOG = Logger.getLogger(ServiceErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceErrors() {
    }

    static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new NotFoundException();
            }
            if (status == 400 || status == 409) {
                throw new ServiceRejected(fieldErrors(e));
            }
            LOG.warnf("The %s service answered %d", service, status);
            throw new ServiceUnavailable(service, e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The %s service could not be called", service);
            throw new ServiceUnavailable(service, e);
        }
    }

    /** Reads RFC 7807 {"detail", "errors":[{"field","message"}]}. */
    static FieldErrors fieldErrors(WebApplicationException e) {
        FieldErrors errors = new FieldErrors();
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode problem = JSON.readTree(body);
            for (JsonNode error : problem.path("errors")) {
                errors.add(fieldName(error.path("field").asText("")), error.path("message").asText("is not valid"));
            }
            if (!errors.any()) {
                errors.general(problem.path("detail").asText("The change was refused."));
            }
        } catch (Exception parse) {
            errors.general("The change was refused.");
        }
        return errors;
    }

    /** The API's field names are the form's, except the banner bytes, which the form calls "image". */
    private static String fieldName(String apiField) {
        return "imageBase64".equals(apiField) ? "image" : apiField;
    }
}
