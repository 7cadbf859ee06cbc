package dev.mirshop.ads;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The image of an ad, stored by the ad service itself. Size and SHA-256 are computed by PostgreSQL. */
@Entity
@Table(name = "banners")
public class Banner extends PanacheEntityBase {

    /** GIF only for banners stored before uploads were limited to BannerInspector.TYPES. */
    private static final Map<String, String> EXTENSIONS = Map.of("image/svg+xml", "svg", "image/png", "png",
            "image/jpeg", "jpg", "image/webp", "webp", "image/gif", "gif");

    private static final String FACTS = "select new dev.mirshop.ads.BannerFacts(b.adId, b.sha256, b.contentType,"
            + " b.sizeBytes, d.width, d.height) from Banner b left join BannerDimensions d on d.adId = b.adId";

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

    /** The facts of every stored banner, by ad id. */
    public static Map<Long, BannerFacts> allFacts() {
        return byAdId(getEntityManager().createQuery(FACTS, BannerFacts.class).getResultList());
    }

    /** The facts of these ads' banners, by ad id; an ad without a banner has none. */
    public static Map<Long, BannerFacts> factsOf(Collection<Long> adIds) {
        if (adIds.isEmpty()) {
            return Map.of();
        }
        return byAdId(getEntityManager().createQuery(FACTS + " where b.adId in :ids", BannerFacts.class)
                .setParameter("ids", adIds).getResultList());
    }

    private static Map<Long, BannerFacts> byAdId(List<BannerFacts> facts) {
        return facts.stream().collect(Collectors.toMap(BannerFacts::adId, Function.identity()));
    }

    public static String extensionOf(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** A URL that changes whenever the image does, so it can be cached for a year. */
    public static String url(long adId, String sha256, String contentType) {
        return "/banners/" + adId + "/" + sha256.substring(0, 16) + "." + extensionOf(contentType);
    }
}
