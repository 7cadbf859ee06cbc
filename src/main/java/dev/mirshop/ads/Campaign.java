package dev.mirshop.ads;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A set of ads shown together within a window; the live campaign with the highest priority wins. */
@Entity
@Table(name = "campaigns")
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String theme;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** Live in the same month-day window every year (UTC), e.g. 1 to 26 December. */
    public boolean yearly;

    public int priority;
    public boolean paused;

    @OneToMany(mappedBy = "campaign")
    @OrderBy("id")
    public List<Ad> ads = new ArrayList<>();

    /** Every campaign that is not paused, with its ads, in one query. */
    public static List<Campaign> unpausedWithAds() {
        return find("select distinct c from Campaign c left join fetch c.ads where c.paused = false").list();
    }

    public boolean isLiveAt(Instant now) {
        if (paused) {
            return false;
        }
        if (yearly) {
            long start = yearKey(startsAt);
            long end = yearKey(endsAt);
            long at = yearKey(now);
            return start <= end ? at >= start && at < end : at >= start || at < end;
        }
        return (startsAt == null || !startsAt.isAfter(now)) && (endsAt == null || endsAt.isAfter(now));
    }

    /** Orders instants within a year, whatever the year: month, day, second of the day. */
    private static long yearKey(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return t.getMonthValue() * 10_000_000L + t.getDayOfMonth() * 100_000L + t.toLocalTime().toSecondOfDay();
    }
}
