package dev.mirshop.ads;

import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The image of an ad, stored by the ad service itself. Size and SHA-256 are computed by PostgreSQL. */
@Entity
@Table(name = "banners")
public class Banner extends PanacheEntityBase {

    private static final Map<String, String> EXTENSIONS = Map.of("image/svg+xml", "svg", "image/png", "png",
            "image/jpeg", "jpg", "image/webp", "webp", "image/gif", "gif");

    @Id
    @Column(name = "ad_id")
    public Long adId;

    @Column(name = "content_type")
    public String contentType;

    public byte[] content;

    @Column(name = "size_bytes", insertable = false, updatable = false)
    public Integer sizeBytes;

    @Column(insertable = false, updatable = false)
    public String sha256;

    public static boolean supports(String contentType) {
        return EXTENSIONS.containsKey(contentType);
    }

    public static String extensionOf(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** A URL that changes whenever the image does, so it can be cached for a year. */
    public static String url(long adId, String sha256, String contentType) {
        return "/banners/" + adId + "/" + sha256.substring(0, 16) + "." + extensionOf(contentType);
    }
}
