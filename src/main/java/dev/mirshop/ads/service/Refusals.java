package dev.mirshop.ads.service;

import java.util.List;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Campaign;
import dev.mirshop.platform.errors.Problem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

/** How the admin services say no: a campaign or ad that does not exist (404), a field that is wrong (400 problem). */
final class Refusals {

    private Refusals() {
    }

    static Campaign campaignOr404(long id) {
        return Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No campaign " + id));
    }

    static Ad adOr404(long id) {
        return Ad.<Ad>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No ad " + id));
    }

    static WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Problem.of(400, "Bad Request", "The request is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse());
    }

    static WebApplicationException conflict(String detail, String field, String message) {
        return new WebApplicationException(Problem.of(409, "Conflict", detail)
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse());
    }
}
