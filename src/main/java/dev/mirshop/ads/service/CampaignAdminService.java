package dev.mirshop.ads.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Banner;
import dev.mirshop.ads.BannerDimensions;
import dev.mirshop.ads.BannerInspector;
import dev.mirshop.ads.Campaign;
import dev.mirshop.ads.LocalPath;
import dev.mirshop.ads.PreviewSelector;
import dev.mirshop.ads.rest.AdApi.AdView;
import dev.mirshop.ads.rest.CampaignAdminApi.AdDetail;
import dev.mirshop.ads.rest.CampaignAdminApi.AdEdit;
import dev.mirshop.ads.rest.CampaignAdminApi.AdUpload;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignEdit;
import dev.mirshop.ads.rest.CampaignAdminApi.CampaignSummary;
import dev.mirshop.ads.rest.CampaignAdminApi.Status;
import dev.mirshop.platform.errors.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

/** What the marketer console does to campaigns: list with statistics, edit, schedule, duplicate, upload banners, preview. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignAdminService {

    private static final Pattern YEAR = Pattern.compile("\\b(19|20|21)\\d{2}\\b");

    @Inject
    Clock clock;

    public List<CampaignSummary> list() {
        List<Campaign> campaigns = Campaign.find("select distinct c from Campaign c left join fetch c.ads order by c.id")
                .list();
        Map<Long, Object[]> banners = bannerFacts();
        Instant now = clock.instant();
        return campaigns.stream().map(c -> summary(c, now, banners)).toList();
    }

    public CampaignSummary get(long id) {
        return summary(campaign(id), clock.instant(), bannerFacts());
    }

    public static Status status(Campaign c, Instant now) {
        if (c.paused) {
            return Status.paused;
        }
        if (c.isLiveAt(now)) {
            return Status.live;
        }
        if (c.yearly || (c.startsAt != null && c.startsAt.isAfter(now))) {
            return Status.scheduled;
        }
        return Status.ended;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign create(CampaignEdit edit) {
        checkWindow(edit);
        checkNameFree(edit.name().trim(), null);
        Campaign c = new Campaign();
        apply(edit, c);
        c.persist();
        return c;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign update(long id, CampaignEdit edit) {
        Campaign c = campaign(id);
        checkWindow(edit);
        checkNameFree(edit.name().trim(), id);
        apply(edit, c);
        return c;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign setPaused(long id, boolean paused) {
        Campaign c = campaign(id);
        c.paused = paused;
        return c;
    }

    /** Live from now: unpaused, started now; a yearly campaign becomes a one-off that ends when this year's window does. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign goLiveNow(long id) {
        Campaign c = campaign(id);
        Instant now = clock.instant();
        if (c.yearly) {
            c.endsAt = nextOccurrence(c.endsAt, now);
            c.yearly = false;
        } else if (c.endsAt != null && !c.endsAt.isAfter(now)) {
            c.endsAt = null;
        }
        c.startsAt = now;
        c.paused = false;
        return c;
    }

    /** Ends the campaign now: it stops showing at once and its status becomes "ended". */
    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign endNow(long id) {
        Campaign c = campaign(id);
        Instant now = clock.instant();
        c.yearly = false;
        if (c.startsAt != null && !c.startsAt.isBefore(now)) {
            c.startsAt = null;
        }
        c.endsAt = now;
        return c;
    }

    /** A copy one year later (next year's Christmas from this year's): same ads and banners, window shifted a year. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Campaign duplicate(long id) {
        Campaign source = campaign(id);
        Campaign copy = new Campaign();
        copy.theme = source.theme;
        copy.startsAt = plusYear(source.startsAt);
        copy.endsAt = plusYear(source.endsAt);
        copy.yearly = source.yearly;
        copy.priority = source.priority;
        copy.paused = source.paused;
        int nextYear = (copy.startsAt != null ? copy.startsAt : clock.instant()).atZone(ZoneOffset.UTC).getYear();
        if (copy.startsAt == null) {
            nextYear++;
        }
        copy.name = freeName(nextYearName(source.name, nextYear));
        copy.persist();
        for (Ad ad : source.ads) {
            Ad a = new Ad();
            a.campaign = copy;
            a.title = ad.title;
            a.altText = ad.altText;
            a.targetPath = ad.targetPath;
            a.weight = ad.weight;
            a.taxonPermalink = ad.taxonPermalink;
            a.bannerName = freeBannerName(ad.bannerName.replaceAll("-\\d{4}$", "") + "-" + nextYear);
            a.persist();
            copy.ads.add(a);
            Banner banner = Banner.findById(ad.id);
            if (banner != null) {
                Banner b = new Banner();
                b.adId = a.id;
                b.contentType = banner.contentType;
                b.content = banner.content;
                b.persist();
            }
            BannerDimensions size = BannerDimensions.findById(ad.id);
            if (size != null) {
                BannerDimensions.record(a.id, size.width, size.height);
            }
        }
        return copy;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Ad addAd(long campaignId, AdUpload upload) {
        return addAd(campaignId, upload, null);
    }

    /** The one way a banner gets into the ad service: checked by {@link BannerInspector}, SVG sanitised. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Ad addAd(long campaignId, AdUpload upload, String wantedBannerName) {
        Campaign campaign = campaign(campaignId);
        checkTarget(upload.targetPath());
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(upload.imageBase64());
        } catch (IllegalArgumentException e) {
            throw invalid("image", "is not valid base64");
        }
        BannerInspector.Inspected image;
        try {
            image = BannerInspector.inspect(upload.contentType(), bytes);
        } catch (BannerInspector.Rejected r) {
            throw invalid(r.field, r.getMessage());
        }
        Ad ad = new Ad();
        ad.campaign = campaign;
        ad.title = upload.title().trim();
        ad.altText = upload.altText().trim();
        ad.targetPath = upload.targetPath().trim();
        ad.weight = upload.weight();
        ad.taxonPermalink = blankToNull(upload.taxonPermalink());
        ad.bannerName = freeBannerName(wantedBannerName == null || wantedBannerName.isBlank() ? slug(upload.title())
                : wantedBannerName);
        ad.persist();
        Banner banner = new Banner();
        banner.adId = ad.id;
        banner.contentType = image.contentType();
        banner.content = image.content();
        banner.persist();
        BannerDimensions.record(ad.id, image.width(), image.height());
        return ad;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Ad updateAd(long adId, AdEdit edit) {
        Ad ad = Ad.findById(adId);
        if (ad == null) {
            throw new NotFoundException("No ad " + adId);
        }
        checkTarget(edit.targetPath());
        ad.title = edit.title().trim();
        ad.altText = edit.altText().trim();
        ad.targetPath = edit.targetPath().trim();
        ad.weight = edit.weight();
        ad.taxonPermalink = blankToNull(edit.taxonPermalink());
        return ad;
    }

    /**
     * What a page would show if this campaign were the live winner, whatever its window or paused flag. Counts no
     * impression: a preview is not an audience.
     */
    public List<AdView> preview(long campaignId, Set<String> context, int count) {
        Campaign c = campaign(campaignId);
        List<Ad> chosen = PreviewSelector.select(c, context, count, ThreadLocalRandom.current());
        Map<Long, Object[]> banners = bannerFacts();
        return chosen.stream().map(a -> AdView.of(a, imageUrl(a.id, banners))).toList();
    }

    public Campaign campaign(long id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw new NotFoundException("No campaign " + id);
        }
        return c;
    }

    private CampaignSummary summary(Campaign c, Instant now, Map<Long, Object[]> banners) {
        List<AdDetail> ads = new ArrayList<>();
        long impressions = 0;
        long clicks = 0;
        for (Ad a : c.ads) {
            impressions += a.impressions;
            clicks += a.clicks;
            Object[] b = banners.get(a.id);
            ads.add(new AdDetail(a.id, a.title, a.altText, a.targetPath, a.weight, a.taxonPermalink, a.impressions,
                    a.clicks, imageUrl(a.id, banners), b == null ? null : (String) b[1],
                    b == null ? null : (Integer) b[2], b == null ? null : (Integer) b[3],
                    b == null ? null : (Integer) b[4]));
        }
        return new CampaignSummary(c.id, c.name, c.theme, c.startsAt, c.endsAt, c.yearly, c.priority, c.paused,
                status(c, now), impressions, clicks, ads);
    }

    private static String imageUrl(long adId, Map<Long, Object[]> banners) {
        Object[] b = banners.get(adId);
        return b == null ? null : Banner.url(adId, (String) b[0], (String) b[1]);
    }

    /** sha256, content type, size, width, height of every banner, by ad id (without loading the bytes). */
    @SuppressWarnings("unchecked")
    private static Map<Long, Object[]> bannerFacts() {
        List<Object[]> rows = Banner.getEntityManager().createNativeQuery(
                "select b.ad_id, b.sha256, b.content_type, b.size_bytes, d.width, d.height"
                        + " from banners b left join banner_dimensions d on d.ad_id = b.ad_id")
                .getResultList();
        Map<Long, Object[]> facts = new HashMap<>();
        for (Object[] r : rows) {
            facts.put(((Number) r[0]).longValue(), new Object[] { r[1], r[2], toInt(r[3]), toInt(r[4]), toInt(r[5]) });
        }
        return facts;
    }

    private static Integer toInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static void apply(CampaignEdit edit, Campaign c) {
        c.name = edit.name().trim();
        c.theme = edit.theme() == null || edit.theme().isBlank() ? "everyday" : edit.theme().trim();
        c.startsAt = edit.startsAt();
        c.endsAt = edit.endsAt();
        c.yearly = Boolean.TRUE.equals(edit.yearly());
        c.priority = edit.priority();
    }

    private static void checkWindow(CampaignEdit edit) {
        boolean yearly = Boolean.TRUE.equals(edit.yearly());
        if (yearly && edit.startsAt() == null) {
            throw invalid("startsAt", "a yearly campaign needs a start");
        }
        if (yearly && edit.endsAt() == null) {
            throw invalid("endsAt", "a yearly campaign needs an end");
        }
        if (edit.startsAt() != null && edit.endsAt() != null && !edit.endsAt().isAfter(edit.startsAt())) {
            throw invalid("endsAt", "must be after the start");
        }
    }

    private static void checkNameFree(String name, Long self) {
        Campaign other = Campaign.find("lower(name) = lower(?1)", name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new WebApplicationException(Problem.of(409, "Conflict", "A campaign with this name exists")
                    .withErrors(List.of(new Problem.FieldError("name", "another campaign has this name")))
                    .toResponse());
        }
    }

    private static void checkTarget(String path) {
        if (!LocalPath.isLocal(path == null ? null : path.trim())) {
            throw invalid("targetPath", "must be a path on this shop, such as /t/categories/mugs");
        }
    }

    static String nextYearName(String name, int nextYear) {
        Matcher m = YEAR.matcher(name);
        if (m.find()) {
            return name.substring(0, m.start()) + nextYear + name.substring(m.end());
        }
        String suffix = " " + nextYear;
        return (name.length() + suffix.length() > 120 ? name.substring(0, 120 - suffix.length()) : name) + suffix;
    }

    private static String freeName(String wanted) {
        String name = wanted;
        for (int i = 2; Campaign.count("lower(name) = lower(?1)", name) > 0; i++) {
            String suffix = " (" + i + ")";
            name = (wanted.length() + suffix.length() > 120 ? wanted.substring(0, 120 - suffix.length()) : wanted)
                    + suffix;
        }
        return name;
    }

    private static String freeBannerName(String wanted) {
        String base = wanted.length() > 90 ? wanted.substring(0, 90) : wanted;
        String name = base;
        while (Ad.count("bannerName", name) > 0) {
            name = base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
        }
        return name;
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "banner" : s;
    }

    private static Instant plusYear(Instant t) {
        return t == null ? null : t.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
    }

    /** The first instant at or after {@code now} with the same month, day and time as {@code pattern}. */
    private static Instant nextOccurrence(Instant pattern, Instant now) {
        ZonedDateTime p = pattern.atZone(ZoneOffset.UTC);
        ZonedDateTime candidate = p.withYear(now.atZone(ZoneOffset.UTC).getYear());
        return candidate.toInstant().isAfter(now) ? candidate.toInstant() : candidate.plusYears(1).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static WebApplicationException invalid(String field, String message) {
        return new WebApplicationException(Problem.of(400, "Bad Request", "The request is not valid")
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse());
    }
}
