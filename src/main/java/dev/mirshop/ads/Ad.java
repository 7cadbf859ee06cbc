package dev.mirshop.ads;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One banner of a campaign: what it shows, where a click lands, how often it is drawn. */
@Entity
@Table(name = "ads")
public class Ad extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id")
    public Campaign campaign;

    public String title;

    @Column(name = "alt_text")
    public String altText;

    @Column(name = "target_path")
    public String targetPath;

    public int weight = 1;

    /** Shown preferentially on pages of this taxon and its descendants; null for every page. */
    @Column(name = "taxon_permalink")
    public String taxonPermalink;

    @Column(name = "banner_name")
    public String bannerName;

    public long impressions;
    public long clicks;

    public boolean targetsAny(java.util.Collection<String> context) {
        if (taxonPermalink == null) {
            return false;
        }
        for (String permalink : context) {
            if (permalink.equals(taxonPermalink) || permalink.startsWith(taxonPermalink + "/")) {
                return true;
            }
        }
        return false;
    }

    public static int countClick(long id) {
        return update("clicks = clicks + 1 where id = ?1", id);
    }
}
