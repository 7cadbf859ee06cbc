package dev.mirshop.ads;

/**
 * What pages and the console need to know of a stored banner, without loading its bytes. Width and height are null
 * for a banner whose dimensions were never recorded.
 */
public record BannerFacts(Long adId, String sha256, String contentType, Integer sizeBytes, Integer width,
        Integer height) {

    /** The content-addressed URL, cached for a year. */
    public String url() {
        return Banner.url(adId, sha256, contentType);
    }
}
