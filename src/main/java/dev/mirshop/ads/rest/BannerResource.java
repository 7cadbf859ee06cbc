package dev.mirshop.ads.rest;

import java.util.Optional;

import dev.mirshop.ads.Banner;
import dev.mirshop.ads.service.AdService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;

/**
 * Banner images, served by the ad service from its own table. Pages link them with {@code <img src>}; the
 * content-addressed URL is cached for a year, the workshop's by-name URL for five minutes; both carry an ETag.
 */
@Path("/banners")
public class BannerResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    @Inject
    AdService ads;

    @GET
    @Path("/{adId: \\d{1,18}}/{file: [0-9a-f]{16}\\.[a-z]{3,4}}")
    public Response byHash(@PathParam("adId") long adId, @PathParam("file") String file, @Context Request request) {
        Banner banner = ads.banner(adId).filter(b -> file.equals(urlFile(b)))
                .orElseThrow(() -> new NotFoundException("No such banner"));
        return serve(banner, request, IMMUTABLE);
    }

    /** The original workshop's banner URL, by file name. */
    @GET
    @Path("/{path: [a-z0-9][a-z0-9.-]{0,99}}")
    public Response byName(@PathParam("path") String path, @Context Request request) {
        Optional<Banner> banner = ads.bannerNamed(path);
        return serve(banner.orElseThrow(() -> new NotFoundException("No banner " + path)), request, SHORT);
    }

    private static String urlFile(Banner b) {
        String url = Banner.url(b.adId, b.sha256, b.contentType);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Response serve(Banner banner, Request request, String cacheControl) {
        EntityTag etag = new EntityTag(banner.sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.header("Cache-Control", cacheControl).build();
        }
        return Response.ok(banner.content, banner.contentType)
                .tag(etag)
                .header("Cache-Control", cacheControl)
                // an SVG opened directly must not run script, whatever a marketer uploaded
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Content-Length", banner.content.length)
                .build();
    }
}
