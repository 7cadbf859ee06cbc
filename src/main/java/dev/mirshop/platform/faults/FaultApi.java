package dev.mirshop.platform.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mirshop.platform.ShopRole;
import dev.mirshop.platform.errors.Problem;
import dev.mirshop.platform.security.ServiceToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The fault API of one service, under that service's own path (so RoleGate sends it to the process that owns the
 * fault): /api/faults (storefront), /api/ads/faults, /api/discounts/faults. Every call needs the service token; with
 * faults disabled every call is refused with 403 problem JSON. The console calls it with the operator in
 * {@value #ACTOR_HEADER}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class FaultApi {

    public static final String ACTOR_HEADER = "X-Shop-Actor";
    static final int EVENTS = 30;

    public record Switch(Integer severity, String duration, String version) {
    }

    public record FaultView(String id, String service, String knob, int defaultSeverity, int minSeverity,
            int maxSeverity, boolean active, Integer severity, String version, Instant startedAt, Instant endsAt,
            String changedBy, String source) {
    }

    public record Overview(String service, boolean enabled, List<FaultView> faults, List<FaultEvent> events) {
    }

    @Inject
    FaultRegistry registry;
    @Inject
    ServiceToken token;

    abstract ShopRole service();

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        List<FaultView> faults = Fault.ownedBy(service()).stream().map(this::view).toList();
        return Response.ok(new Overview(service().name(), true, faults, registry.recentEvents(service(), EVENTS)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PUT
    @Path("{id}")
    public Response switchOn(@PathParam("id") String id, Switch body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam(ACTOR_HEADER) String actor) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        Fault fault = Fault.byId(id).filter(f -> f.owner == service()).orElse(null);
        if (fault == null) {
            return Problem.of(404, "Not Found", "The " + service() + " service has no fault " + id).toResponse();
        }
        Switch s = body == null ? new Switch(null, null, null) : body;
        Duration duration;
        try {
            duration = s.duration() == null || s.duration().isBlank() ? null
                    : FaultDeclarations.duration(s.duration().trim().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            return invalid("duration", "must be a number of seconds, minutes or hours: 90s, 10m, 1h");
        }
        try {
            registry.switchOn(fault, s.severity() == null ? fault.defaultSeverity : s.severity(), duration, s.version(),
                    actor(actor), FaultState.SOURCE_OPERATOR);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage().startsWith("severity") ? "severity"
                    : e.getMessage().contains("version") ? "version" : "duration", e.getMessage());
        }
        return Response.ok(view(fault)).build();
    }

    @DELETE
    @Path("{id}")
    public Response switchOff(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ACTOR_HEADER) String actor) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        Fault fault = Fault.byId(id).filter(f -> f.owner == service()).orElse(null);
        if (fault == null) {
            return Problem.of(404, "Not Found", "The " + service() + " service has no fault " + id).toResponse();
        }
        registry.switchOff(fault, actor(actor), FaultState.SOURCE_OPERATOR);
        return Response.ok(view(fault)).build();
    }

    private Response refused(String authorization) {
        if (!token.accepts(authorization)) {
            return Response.fromResponse(Problem.of(401, "Unauthorized",
                    "This endpoint needs Authorization: Bearer <service token>").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mir-shop services\"").build();
        }
        if (!registry.enabled()) {
            return Problem.of(403, "Forbidden", new FaultRegistry.FaultsDisabledException().getMessage()).toResponse();
        }
        return null;
    }

    private static Response invalid(String field, String message) {
        return Problem.of(400, "Bad Request", message).withErrors(List.of(new Problem.FieldError(field, message)))
                .toResponse();
    }

    private static String actor(String header) {
        if (header == null || header.isBlank()) {
            return "api";
        }
        String clean = header.strip().replaceAll("[\\p{Cntrl}]", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private FaultView view(Fault f) {
        FaultState s = registry.active(f).orElse(null);
        return new FaultView(f.id, f.owner.name(), f.knob, f.defaultSeverity, f.minSeverity, f.maxSeverity, s != null,
                s == null ? null : s.severity(), s == null ? null : s.targetVersion(), s == null ? null : s.startedAt(),
                s == null ? null : s.endsAt(), s == null ? null : s.changedBy(), s == null ? null : s.source());
    }

    /** /api/faults: the storefront's faults (checkout, database, pages, probes). */
    @Path("/api/faults")
    public static class Storefront extends FaultApi {
        @Override
        ShopRole service() {
            return ShopRole.storefront;
        }
    }

    /** /api/ads/faults */
    @Path("/api/ads/faults")
    public static class Ads extends FaultApi {
        @Override
        ShopRole service() {
            return ShopRole.ads;
        }
    }

    /** /api/discounts/faults */
    @Path("/api/discounts/faults")
    public static class Discounts extends FaultApi {
        @Override
        ShopRole service() {
            return ShopRole.discounts;
        }
    }
}
