package dev.mirshop.marketing;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A test-only page standing in for the home and product pages: it does exactly what they are to do with
 * PreviewCampaign and AdPreview, and prints what it would show.
 */
@Path("/test-probe/preview")
public class PreviewProbeResource {

    @Inject
    PreviewCampaign preview;
    @Inject
    AdPreview ads;

    @GET
    @Produces({ MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    public String probe() {
        return preview.fromRequest()
                .map(id -> "preview " + id + ": " + ads.ads(id, List.of(), 3).stream().map(a -> a.title())
                        .collect(Collectors.joining(",")))
                .orElse("no preview");
    }
}
