package dev.mirshop.ads;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Width and height of an uploaded banner, read when the upload was checked. */
@Entity
@Table(name = "banner_dimensions")
public class BannerDimensions extends PanacheEntityBase {

    @Id
    @Column(name = "ad_id")
    public Long adId;

    public int width;
    public int height;

    public static void record(long adId, int width, int height) {
        BannerDimensions d = new BannerDimensions();
        d.adId = adId;
        d.width = width;
        d.height = height;
        d.persist();
    }
}
