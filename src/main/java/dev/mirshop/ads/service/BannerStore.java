package dev.mirshop.ads.service;

import java.util.Base64;

import dev.mirshop.ads.Banner;
import dev.mirshop.ads.BannerDimensions;
import dev.mirshop.ads.BannerInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one way a banner gets into the ad service: checked by {@link BannerInspector} (type from the bytes, size,
 * dimensions, the SVG allow-list) before it is stored, with its dimensions. Part of the caller's transaction: a banner
 * is stored with its ad or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BannerStore {

    /** The upload, decoded and checked; a refusal is a 400 problem naming the field ("image" or "contentType"). */
    public BannerInspector.Inspected check(String contentType, String imageBase64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(imageBase64);
        } catch (IllegalArgumentException e) {
            throw Refusals.invalid("image", "is not valid base64");
        }
        try {
            return BannerInspector.inspect(contentType, bytes);
        } catch (BannerInspector.Rejected r) {
            throw Refusals.invalid(r.field, r.getMessage());
        }
    }

    public void store(long adId, BannerInspector.Inspected image) {
        Banner banner = new Banner();
        banner.adId = adId;
        banner.contentType = image.contentType();
        banner.content = image.content();
        banner.persist();
        BannerDimensions.record(adId, image.width(), image.height());
    }

    /** Gives the ad {@code toAdId} the banner (and dimensions) of {@code fromAdId}, if it has one. */
    public void copy(long fromAdId, long toAdId) {
        Banner source = Banner.findById(fromAdId);
        if (source != null) {
            Banner copy = new Banner();
            copy.adId = toAdId;
            copy.contentType = source.contentType;
            copy.content = source.content;
            copy.persist();
        }
        BannerDimensions size = BannerDimensions.findById(fromAdId);
        if (size != null) {
            BannerDimensions.record(toAdId, size.width, size.height);
        }
    }
}
