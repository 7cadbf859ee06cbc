package dev.mirshop.ads.service;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mirshop.ads.Ad;
import dev.mirshop.ads.Campaign;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;

/**
 * How campaigns and banners are named. A campaign name is unique whatever its case ("Christmas" and "christmas" are
 * the same campaign to a marketer). A banner name is the workshop's {@code /banners/{name}}: lower-case, URL-safe,
 * unique. A copy for next year carries next year in both.
 */
final class CampaignNames {

    static final int MAX_CAMPAIGN_NAME = 120;
    private static final int MAX_BANNER_NAME_BASE = 90;
    private static final Pattern YEAR = Pattern.compile("\\b(19|20|21)\\d{2}\\b");
    private static final Pattern YEAR_SUFFIX = Pattern.compile("-\\d{4}$");

    private CampaignNames() {
    }

    /** Refuses (409) a name another campaign has, in any case; {@code self} is the campaign being renamed, or null. */
    static void requireFree(String name, Long self) {
        Campaign other = Campaign.find("lower(name) = lower(?1)", name).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw nameTaken();
        }
    }

    /**
     * Writes the campaign now: a name that another request took since {@link #requireFree} meets the unique index
     * (V170) here, and is refused like any taken name instead of failing the commit.
     */
    static void saveRefusingTakenName(Campaign c) {
        try {
            c.persistAndFlush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw nameTaken();
            }
            throw e;
        }
    }

    /** The wanted name, or with " (2)", " (3)"... when taken in any case. */
    static String freeCampaignName(String wanted) {
        String name = wanted;
        for (int i = 2; Campaign.count("lower(name) = lower(?1)", name) > 0; i++) {
            name = fitted(wanted, " (" + i + ")");
        }
        return name;
    }

    /** "Christmas 2026" → "Christmas 2027"; a name without a year gets one: "Christmas" → "Christmas 2027". */
    static String nextYearName(String name, int nextYear) {
        Matcher m = YEAR.matcher(name);
        if (m.find()) {
            return name.substring(0, m.start()) + nextYear + name.substring(m.end());
        }
        return fitted(name, " " + nextYear);
    }

    /** A banner name from an ad's title: "Gifts for Everyone!" → "gifts-for-everyone". */
    static String bannerNameFor(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "banner" : s;
    }

    /** "christmas-gifts-2026" → "christmas-gifts-2027"; "christmas-gifts" → "christmas-gifts-2027". */
    static String nextYearBannerName(String bannerName, int nextYear) {
        return YEAR_SUFFIX.matcher(bannerName).replaceFirst("") + "-" + nextYear;
    }

    /** The wanted banner name, or with a random suffix when another ad has it. */
    static String freeBannerName(String wanted) {
        String base = wanted.length() > MAX_BANNER_NAME_BASE ? wanted.substring(0, MAX_BANNER_NAME_BASE) : wanted;
        String name = base;
        while (Ad.count("bannerName", name) > 0) {
            name = base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
        }
        return name;
    }

    private static WebApplicationException nameTaken() {
        return Refusals.conflict("A campaign with this name exists", "name", "another campaign has this name");
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String fitted(String name, String suffix) {
        int room = MAX_CAMPAIGN_NAME - suffix.length();
        return (name.length() > room ? name.substring(0, room) : name) + suffix;
    }
}
